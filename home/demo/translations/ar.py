"""Arabic, the language of Carthage, Oujda and Baalbek.

The home page, the section pages and the cooperation themes, then the partner's city
page and the stories about it, keyed by the French source text. Names are the ones
used in the language (Tübingen is توبينغن).
"""

LANGUAGE = "ar"

TEXTS = {
    # Cooperation themes
    "Mobilité internationale": "التنقل الدولي",
    (
        "Aide à la mobilité internationale des élus et cadres territoriaux, étudiants, lycéens "
        "et apprentis, pour le partage d'expertise, l'ouverture culturelle et une "
        "professionnalisation internationale."
    ): (
        "دعم التنقل الدولي للمنتخَبين والأطر الإدارية المحلية والطلاب وتلاميذ الثانويات "
        "والمتدرّبين، من أجل تبادل الخبرات والانفتاح الثقافي والتأهيل المهني على المستوى "
        "الدولي."
    ),
    "Appel à projet international": "الدعوة الدولية لتقديم المشاريع",
    (
        "Un appel à projet pour développer l'internationalisation des acteurs associatifs du "
        "territoire."
    ): ("دعوة لتقديم المشاريع من أجل تطوير البعد الدولي لعمل الجمعيات المحلية."),
    "Événementiel international et européen": "الفعاليات الدولية والأوروبية",
    (
        "Des temps forts internationaux et européens : le Japon mis en lumière en 2015, la "
        "Hongrie et Pécs à l'honneur en 2016, la fête de l'Europe autour du 9 mai."
    ): (
        "محطات دولية وأوروبية بارزة: اليابان في دائرة الضوء عام 2015، والمجر وبيتش ضيفتا شرف "
        "عام 2016، ويوم أوروبا في الفترة المحيطة بيوم 9 مايو."
    ),
    "Citoyenneté européenne": "المواطنة الأوروبية",
    "Le développement de la citoyenneté européenne.": "تنمية المواطنة الأوروبية.",
    "Solidarité internationale": "التضامن الدولي",
    "L'accompagnement des associations locales de solidarité internationale.": (
        "مواكبة الجمعيات المحلية العاملة في مجال التضامن الدولي."
    ),
    "Ateliers d'échanges culturels": "ورشات التبادل الثقافي",
    (
        "Des ateliers dans les centres sociaux qui mobilisent les étudiants internationaux, "
        "pour leur insertion dans la vie aixoise durant leur séjour et l'ouverture sur le "
        "monde des jeunes fréquentant les centres sociaux."
    ): (
        "ورشات في المراكز الاجتماعية يشارك فيها الطلاب الدوليون، لمساعدتهم على الاندماج في "
        "الحياة في إكس خلال إقامتهم، ولانفتاح الشباب المرتادين للمراكز الاجتماعية على العالم."
    ),
    "Attractivité": "الجاذبية",
    (
        "Le rayonnement du territoire par la valorisation de ses spécificités et les actions "
        "de marketing territorial."
    ): ("إشعاع المنطقة من خلال إبراز خصوصياتها وأنشطة التسويق الإقليمي."),
    # Home page
    "Aix-en-Provence et ses villes partenaires": "إكس أون بروفانس ومدنها الشريكة",
    "home": "home-ar",
    (
        "Aix-en-Provence entretient des liens d'amitié et de coopération avec des villes "
        "partenaires sur plusieurs continents. Depuis le premier jumelage, signé avec Tübingen "
        "en 1960, ces partenariats font vivre des échanges entre étudiants, lycéens, "
        "apprentis, élus, associations et habitants."
    ): (
        "ترتبط إكس أون بروفانس بعلاقات صداقة وتعاون مع مدن شريكة في عدة قارات. ومنذ أول توأمة، "
        "وُقّعت مع توبينغن عام 1960، تجمع هذه الشراكات بين الطلاب وتلاميذ المدارس والمتدرّبين "
        "والمنتخَبين والجمعيات والسكان."
    ),
    # Section pages
    "Villes partenaires": "المدن الشريكة",
    (
        "Les jumelages officiels d'Aix-en-Provence, de Tübingen en 1960 à Ashkelon en 1995, et "
        "ses accords de coopération et partenariats sur plusieurs continents."
    ): (
        "توأمات إكس أون بروفانس الرسمية، من توبينغن عام 1960 إلى عسقلان عام 1995، واتفاقيات "
        "التعاون والشراكات التي تربطها بمدن في عدة قارات."
    ),
    "Récits d'échanges": "قصص التبادل",
    (
        "Mobilité, temps forts européens, citoyenneté, solidarité, ateliers culturels : les "
        "échanges avec les villes partenaires racontés au fil des années."
    ): (
        "التنقل، والمحطات الأوروبية البارزة، والمواطنة، والتضامن، والورشات الثقافية: التبادلات "
        "مع المدن الشريكة كما رُويت على مرّ السنين."
    ),
    "Agenda international": "الأجندة الدولية",
    (
        "Les temps forts internationaux et européens d'Aix et de ses villes partenaires : la "
        "fête de l'Europe autour du 9 mai, le marché international des villes jumelles en "
        "décembre."
    ): (
        "أبرز المحطات الدولية والأوروبية لإكس ومدنها الشريكة: يوم أوروبا في الفترة المحيطة "
        "بيوم 9 مايو، والسوق الدولية للمدن التوأم في ديسمبر."
    ),
    "Appel à projets international": "الدعوة الدولية لتقديم المشاريع",
    (
        "Pour développer l'internationalisation des acteurs associatifs du territoire, la "
        "Ville soutient leurs projets avec les villes partenaires."
    ): ("من أجل تطوير البعد الدولي لعمل الجمعيات المحلية، تدعم البلدية مشاريعها مع المدن الشريكة."),
    # The 2016-2020 strategy (its sub-pages stay in French)
    "Une nouvelle stratégie pour 2016-2020": "استراتيجية جديدة للفترة 2016-2020",
    (
        "Une nouvelle stratégie globale d'attractivité pour 2016-2020 a été votée lors du "
        "Conseil municipal du 2 mai 2016. Elle s'appuie sur deux axes moteurs."
    ): (
        "صادق المجلس البلدي في جلسته المنعقدة في 2 مايو 2016 على استراتيجية شاملة جديدة "
        "للجاذبية للفترة 2016-2020. وترتكز هذه الاستراتيجية على محورين أساسيين."
    ),
    "L'action internationale d'Aix": "العمل الدولي لإكس",
    (
        "De même que les États, les collectivités territoriales doivent inscrire leur action "
        "publique dans un contexte de mondialisation et d'interdépendance économique "
        "croissante, impactant différents secteurs tels que le développement économique, la "
        "culture, l'éducation, le sport, l'aménagement urbain, le développement touristique, "
        "l'environnement."
    ): (
        "على غرار الدول، يتعيّن على الجماعات المحلية أن تُدرج عملها العمومي في سياق العولمة "
        "والترابط الاقتصادي المتزايد، الذي يؤثر في قطاعات مختلفة مثل التنمية الاقتصادية "
        "والثقافة والتعليم والرياضة والتهيئة العمرانية والتنمية السياحية والبيئة."
    ),
    (
        "L'action internationale, dénommée également action extérieure, a été confirmée, "
        "courant 2014, comme une compétence d'attribution transversale par le législateur dans "
        "le Code général des collectivités territoriales (articles L1115-1 à L1115-7)."
    ): (
        "وقد أكّد المشرّع، خلال عام 2014، العملَ الدولي، المسمّى أيضًا العمل الخارجي، بوصفه "
        "اختصاصًا أفقيًا مُسندًا بموجب القانون، وذلك في المدونة العامة للجماعات المحلية "
        "(المواد من L1115-1 إلى L1115-7)."
    ),
    (
        "Aix-en-Provence, consciente de la part internationale de son ADN, a investi depuis de "
        "nombreuses années cette politique publique construite dans une démarche de "
        "rayonnement et de réciprocité, au bénéfice des acteurs du territoire et donc de son "
        "développement."
    ): (
        "وإدراكًا منها أن البعد الدولي جزء من حمضها النووي، تستثمر إكس أون بروفانس منذ سنوات "
        "عديدة في هذه السياسة العمومية القائمة على الإشعاع والمعاملة بالمثل، لفائدة الفاعلين "
        "في المنطقة، ومن ثمّ لفائدة تنميتها."
    ),
    "Deux axes moteurs": "محوران أساسيان",
    (
        "L'attractivité, le rayonnement du territoire par la valorisation de nos spécificités "
        "et avec toutes les actions conduites dans le cadre du marketing territorial."
    ): (
        "الجاذبية، أي إشعاع المنطقة من خلال إبراز خصوصياتنا وجميع الأنشطة المنفّذة في إطار "
        "التسويق الإقليمي."
    ),
    (
        "L'ouverture du territoire vers l'extérieur, permettant aux acteurs locaux de se "
        "projeter à l'international dans une logique de professionnalisation et de "
        "développement du territoire."
    ): (
        "انفتاح المنطقة على الخارج، بما يتيح للفاعلين المحليين الانطلاق نحو العمل الدولي في "
        "إطار منطق التأهيل المهني وتنمية المنطقة."
    ),
    # City carthage
    "Carthage": "قرطاج",
    "Gouvernorat de Tunis": "ولاية تونس",
    "Carthage, en Tunisie, est jumelée avec Aix-en-Provence depuis 1993.": (
        "قرطاج، في تونس، مدينة توأم لإكس أون بروفانس منذ عام 1993."
    ),
    "Signature du jumelage": "توقيع اتفاقية التوأمة",
    # City oujda
    "Oujda": "وجدة",
    "Région de l'Oriental": "جهة الشرق",
    "Oujda, au Maroc, est liée à Aix-en-Provence par un accord de coopération depuis 1997.": (
        "ترتبط وجدة، في المغرب، بإكس أون بروفانس باتفاقية تعاون منذ عام 1997."
    ),
    "Signature de l'accord de coopération": "توقيع اتفاقية التعاون",
    # City baalbek
    "Baalbek": "بعلبك",
    "Gouvernorat de Baalbek-Hermel": "محافظة بعلبك الهرمل",
    "Baalbek, au Liban, fait partie des villes partenaires d'Aix-en-Provence.": (
        "بعلبك، في لبنان، من المدن الشريكة لإكس أون بروفانس."
    ),
    # Story appel-a-projet-international-2021
    (
        "Appel à projet international : les associations aixoises se tournent vers leurs "
        "partenaires"
    ): ("الدعوة الدولية لتقديم المشاريع: جمعيات إكس تتجه نحو شركائها"),
    (
        "L'appel à projet international aide les associations du territoire à développer des "
        "projets avec les villes partenaires."
    ): ("تساعد الدعوة الدولية لتقديم المشاريع الجمعياتِ المحلية على تطوير مشاريع مع المدن الشريكة."),
    (
        "L'appel à projet s'adresse aux associations aixoises qui souhaitent s'ouvrir à "
        "l'international, en priorité avec les villes partenaires."
    ): (
        "تتوجّه الدعوة إلى جمعيات إكس الراغبة في الانفتاح على العمل الدولي، مع إعطاء الأولوية "
        "للمدن الشريكة."
    ),
    (
        "Les projets retenus bénéficient d'un accompagnement de la Ville pour se "
        "professionnaliser et inscrire leur action dans la durée."
    ): ("تستفيد المشاريع المختارة من مواكبة البلدية لتعزيز احترافيتها وضمان استمرارية عملها."),
    "Qui peut répondre ?": "من يمكنه المشاركة؟",
    (
        "Les associations du territoire, seules ou en partenariat avec une structure d'une "
        "ville partenaire."
    ): ("الجمعيات المحلية، بمفردها أو بالشراكة مع هيئة من إحدى المدن الشريكة."),
    "Découvrir Oujda": "اكتشفوا وجدة",
    # Story ateliers-croises-avec-carthage
    "Carthage et Aix : des ateliers culturels croisés": "قرطاج وإكس: ورشات ثقافية متبادلة",
    (
        "Des associations culturelles d'Aix et de Carthage préparent ensemble des ateliers "
        "ouverts aux jeunes des deux villes."
    ): ("تُعِدّ جمعيات ثقافية من إكس وقرطاج معًا ورشات مفتوحة لشباب المدينتين."),
    (
        "Les ateliers mêlent patrimoine, arts et langues, et s'appuient sur l'expérience des "
        "ateliers d'échanges culturels des centres sociaux."
    ): (
        "تجمع الورشات بين التراث والفنون واللغات، وتستند إلى تجربة ورشات التبادل الثقافي في "
        "المراكز الاجتماعية."
    ),
    "Découvrir Carthage": "اكتشفوا قرطاج",
}

STRINGS = {source: {LANGUAGE: text} for source, text in TEXTS.items()}
