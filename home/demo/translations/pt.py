"""Portuguese, the language of Coimbra.

The home page, the section pages and the cooperation themes, then the partner's city
page and the stories about it, keyed by the French source text. Names are the ones
used in the language (Tübingen is Tubinga).
"""

LANGUAGE = "pt"

TEXTS = {
    # Cooperation themes
    "Mobilité internationale": "Mobilidade internacional",
    (
        "Aide à la mobilité internationale des élus et cadres territoriaux, étudiants, lycéens "
        "et apprentis, pour le partage d'expertise, l'ouverture culturelle et une "
        "professionnalisation internationale."
    ): (
        "Apoio à mobilidade internacional de eleitos e quadros da administração local, "
        "estudantes universitários, alunos do ensino secundário e aprendizes, para a partilha "
        "de conhecimentos, a abertura cultural e uma profissionalização internacional."
    ),
    "Appel à projet international": "Concurso internacional de projetos",
    (
        "Un appel à projet pour développer l'internationalisation des acteurs associatifs du "
        "territoire."
    ): (
        "Um concurso de projetos para desenvolver a internacionalização das associações do "
        "território."
    ),
    "Événementiel international et européen": "Eventos internacionais e europeus",
    (
        "Des temps forts internationaux et européens : le Japon mis en lumière en 2015, la "
        "Hongrie et Pécs à l'honneur en 2016, la fête de l'Europe autour du 9 mai."
    ): (
        "Grandes momentos internacionais e europeus: o Japão em destaque em 2015, a Hungria e "
        "Pécs homenageadas em 2016, o Dia da Europa em torno de 9 de maio."
    ),
    "Citoyenneté européenne": "Cidadania europeia",
    "Le développement de la citoyenneté européenne.": "O desenvolvimento da cidadania europeia.",
    "Solidarité internationale": "Solidariedade internacional",
    "L'accompagnement des associations locales de solidarité internationale.": (
        "O acompanhamento das associações locais de solidariedade internacional."
    ),
    "Ateliers d'échanges culturels": "Oficinas de intercâmbio cultural",
    (
        "Des ateliers dans les centres sociaux qui mobilisent les étudiants internationaux, "
        "pour leur insertion dans la vie aixoise durant leur séjour et l'ouverture sur le "
        "monde des jeunes fréquentant les centres sociaux."
    ): (
        "Oficinas nos centros sociais que mobilizam os estudantes internacionais, para a sua "
        "integração na vida de Aix durante a sua estada e a abertura ao mundo dos jovens que "
        "frequentam os centros sociais."
    ),
    "Attractivité": "Atratividade",
    (
        "Le rayonnement du territoire par la valorisation de ses spécificités et les actions "
        "de marketing territorial."
    ): (
        "A projeção do território através da valorização das suas especificidades e das ações "
        "de marketing territorial."
    ),
    # Home page
    "Aix-en-Provence et ses villes partenaires": "Aix-en-Provence e as suas cidades parceiras",
    "home": "home-pt",
    (
        "Aix-en-Provence entretient des liens d'amitié et de coopération avec des villes "
        "partenaires sur plusieurs continents. Depuis le premier jumelage, signé avec Tübingen "
        "en 1960, ces partenariats font vivre des échanges entre étudiants, lycéens, "
        "apprentis, élus, associations et habitants."
    ): (
        "Aix-en-Provence mantém laços de amizade e de cooperação com cidades parceiras em "
        "vários continentes. Desde a primeira geminação, assinada com Tubinga em 1960, estas "
        "parcerias dão vida a intercâmbios entre estudantes universitários, alunos do ensino "
        "secundário, aprendizes, eleitos, associações e habitantes."
    ),
    # Section pages
    "villes-partenaires": "cidades-parceiras",
    "Villes partenaires": "Cidades parceiras",
    (
        "Les jumelages officiels d'Aix-en-Provence, de Tübingen en 1960 à Ashkelon en 1995, et "
        "ses accords de coopération et partenariats sur plusieurs continents."
    ): (
        "As geminações oficiais de Aix-en-Provence, de Tubinga em 1960 a Ascalão em 1995, e os "
        "seus acordos de cooperação e parcerias em vários continentes."
    ),
    "recits": "relatos",
    "Récits d'échanges": "Relatos de intercâmbios",
    (
        "Mobilité, temps forts européens, citoyenneté, solidarité, ateliers culturels : les "
        "échanges avec les villes partenaires racontés au fil des années."
    ): (
        "Mobilidade, grandes momentos europeus, cidadania, solidariedade, oficinas culturais: "
        "os intercâmbios com as cidades parceiras contados ao longo dos anos."
    ),
    "evenements": "eventos",
    "Agenda international": "Agenda internacional",
    (
        "Les temps forts internationaux et européens d'Aix et de ses villes partenaires : la "
        "fête de l'Europe autour du 9 mai, le marché international des villes jumelles en "
        "décembre."
    ): (
        "Os grandes momentos internacionais e europeus de Aix e das suas cidades parceiras: o "
        "Dia da Europa em torno de 9 de maio, o mercado internacional das cidades geminadas em "
        "dezembro."
    ),
    "appels-a-projets": "concursos-de-projetos",
    "Appel à projets international": "Concurso internacional de projetos",
    (
        "Pour développer l'internationalisation des acteurs associatifs du territoire, la "
        "Ville soutient leurs projets avec les villes partenaires."
    ): (
        "Para desenvolver a internacionalização das associações do território, a Câmara "
        "Municipal apoia os seus projetos com as cidades parceiras."
    ),
    # The 2016-2020 strategy (its sub-pages stay in French)
    "strategie-2016-2020": "estrategia-2016-2020",
    "Une nouvelle stratégie pour 2016-2020": "Uma nova estratégia para 2016-2020",
    (
        "Une nouvelle stratégie globale d'attractivité pour 2016-2020 a été votée lors du "
        "Conseil municipal du 2 mai 2016. Elle s'appuie sur deux axes moteurs."
    ): (
        "Uma nova estratégia global de atratividade para 2016-2020 foi aprovada pela "
        "Assembleia Municipal em 2 de maio de 2016. Assenta em dois eixos estruturantes."
    ),
    "L'action internationale d'Aix": "A ação internacional de Aix",
    (
        "De même que les États, les collectivités territoriales doivent inscrire leur action "
        "publique dans un contexte de mondialisation et d'interdépendance économique "
        "croissante, impactant différents secteurs tels que le développement économique, la "
        "culture, l'éducation, le sport, l'aménagement urbain, le développement touristique, "
        "l'environnement."
    ): (
        "Tal como os Estados, as autarquias locais devem inscrever a sua ação pública num "
        "contexto de globalização e de crescente interdependência económica, que afeta "
        "diferentes setores como o desenvolvimento económico, a cultura, a educação, o "
        "desporto, o ordenamento urbano, o desenvolvimento turístico e o ambiente."
    ),
    (
        "L'action internationale, dénommée également action extérieure, a été confirmée, "
        "courant 2014, comme une compétence d'attribution transversale par le législateur dans "
        "le Code général des collectivités territoriales (articles L1115-1 à L1115-7)."
    ): (
        "A ação internacional, também designada ação externa, foi confirmada pelo legislador, "
        "no decurso de 2014, como uma competência transversal atribuída por lei, no Código "
        "Geral das Coletividades Territoriais (artigos L1115-1 a L1115-7)."
    ),
    (
        "Aix-en-Provence, consciente de la part internationale de son ADN, a investi depuis de "
        "nombreuses années cette politique publique construite dans une démarche de "
        "rayonnement et de réciprocité, au bénéfice des acteurs du territoire et donc de son "
        "développement."
    ): (
        "Consciente da dimensão internacional do seu ADN, Aix-en-Provence investe há muitos "
        "anos nesta política pública, construída numa lógica de projeção e de reciprocidade, "
        "em benefício dos atores do território e, portanto, do seu desenvolvimento."
    ),
    "Deux axes moteurs": "Dois eixos estruturantes",
    (
        "L'attractivité, le rayonnement du territoire par la valorisation de nos spécificités "
        "et avec toutes les actions conduites dans le cadre du marketing territorial."
    ): (
        "A atratividade: a projeção do território através da valorização das nossas "
        "especificidades e de todas as ações realizadas no âmbito do marketing territorial."
    ),
    (
        "L'ouverture du territoire vers l'extérieur, permettant aux acteurs locaux de se "
        "projeter à l'international dans une logique de professionnalisation et de "
        "développement du territoire."
    ): (
        "A abertura do território ao exterior, que permite aos atores locais projetarem-se "
        "internacionalmente numa lógica de profissionalização e de desenvolvimento do "
        "território."
    ),
    # City coimbra
    "Région Centre": "Região Centro",
    "Coimbra, au Portugal, est jumelée avec Aix-en-Provence depuis 1982.": (
        "Coimbra, em Portugal, está geminada com Aix-en-Provence desde 1982."
    ),
    "Signature du jumelage": "Assinatura da geminação",
    # Story fete-de-l-europe-2017
    "fete-de-l-europe-2017": "dia-da-europa-2017",
    "Fête de l'Europe : les partenaires européens à la rencontre des Aixois": (
        "Dia da Europa: os parceiros europeus ao encontro dos habitantes de Aix"
    ),
    (
        "Autour du 9 mai, la fête de l'Europe invite les habitants à découvrir les six villes "
        "partenaires européennes d'Aix."
    ): (
        "Em torno de 9 de maio, o Dia da Europa convida os habitantes a descobrir as seis "
        "cidades parceiras europeias de Aix."
    ),
    "Une journée pour l'Europe": "Um dia para a Europa",
    (
        "Stands d'information, jeux et débats : la fête de l'Europe rend concrète la "
        "citoyenneté européenne, à travers les liens qu'Aix entretient avec ses partenaires."
    ): (
        "Bancas de informação, jogos e debates: o Dia da Europa torna concreta a cidadania "
        "europeia, através dos laços que Aix mantém com os seus parceiros."
    ),
    "9 mai": "9 de maio",
    "la fête de l'Europe, chaque année": "o Dia da Europa, todos os anos",
    "villes partenaires européennes": "cidades parceiras europeias",
    "L'Europe, ce sont d'abord des rencontres entre voisins.": (
        "A Europa é, antes de mais, o encontro entre vizinhos."
    ),
    "Témoignage d'illustration": "Testemunho ilustrativo",
    # Story marche-des-villes-jumelles-2018
    "marche-des-villes-jumelles-2018": "mercado-das-cidades-geminadas-2018",
    "Le marché international des villes jumelles": "O mercado internacional das cidades geminadas",
    (
        "En décembre, le marché international des villes jumelles réunit à Aix des stands "
        "venus des villes partenaires."
    ): (
        "Em dezembro, o mercado internacional das cidades geminadas reúne em Aix bancas vindas "
        "das cidades parceiras."
    ),
    (
        "Produits, savoir-faire et traditions des villes partenaires se découvrent au fil des "
        "stands, tenus par des associations et des représentants des villes jumelles."
    ): (
        "Produtos, saberes e tradições das cidades parceiras descobrem-se de banca em banca, a "
        "cargo de associações e de representantes das cidades geminadas."
    ),
    (
        "Le marché est aussi l'occasion pour les associations de jumelage de présenter leurs "
        "activités et de préparer les échanges de l'année suivante."
    ): (
        "O mercado é também uma oportunidade para as associações de geminação apresentarem as "
        "suas atividades e prepararem os intercâmbios do ano seguinte."
    ),
    # Story ateliers-centres-sociaux-2023
    "ateliers-centres-sociaux-2023": "oficinas-centros-sociais-2023",
    "Ateliers d'échanges culturels dans les centres sociaux": (
        "Oficinas de intercâmbio cultural nos centros sociais"
    ),
    (
        "Des étudiants internationaux animent des ateliers dans les centres sociaux d'Aix : "
        "ils découvrent la vie aixoise, les jeunes découvrent le monde."
    ): (
        "Estudantes internacionais dinamizam oficinas nos centros sociais de Aix: eles "
        "descobrem a vida de Aix e os jovens descobrem o mundo."
    ),
    (
        "Cuisine, langues, musique : chaque atelier est préparé par des étudiants venus "
        "étudier à Aix, dont certains viennent des villes partenaires."
    ): (
        "Culinária, línguas, música: cada oficina é preparada por estudantes que vieram "
        "estudar para Aix, alguns dos quais provenientes das cidades parceiras."
    ),
    (
        "Pour les étudiants, c'est une manière de s'insérer dans la vie aixoise durant leur "
        "séjour ; pour les jeunes des centres sociaux, une ouverture sur le monde."
    ): (
        "Para os estudantes, é uma forma de se integrarem na vida de Aix durante a sua estada; "
        "para os jovens dos centros sociais, uma abertura ao mundo."
    ),
    "On apprend autant qu'on transmet.": "Aprende-se tanto quanto se transmite.",
    # Story apprentis-a-coimbra
    "apprentis-a-coimbra": "aprendizes-em-coimbra",
    "Apprentis en stage à Coimbra": "Aprendizes em estágio em Coimbra",
    (
        "Des apprentis du territoire effectuent une période de formation à Coimbra, avec "
        "l'aide à la mobilité internationale de la Ville."
    ): (
        "Aprendizes do território realizam um período de formação em Coimbra, com o apoio à "
        "mobilidade internacional da Câmara Municipal."
    ),
    (
        "La mobilité des apprentis fait partie des axes de la stratégie internationale : elle "
        "favorise le partage d'expertise et une professionnalisation internationale."
    ): (
        "A mobilidade dos aprendizes faz parte dos eixos da estratégia internacional: favorece "
        "a partilha de conhecimentos e uma profissionalização internacional."
    ),
    "Le séjour alterne temps en entreprise et découverte de la ville partenaire.": (
        "A estada alterna períodos na empresa e a descoberta da cidade parceira."
    ),
}

STRINGS = {source: {LANGUAGE: text} for source, text in TEXTS.items()}
