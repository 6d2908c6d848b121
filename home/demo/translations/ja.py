"""Japanese, the language of Kumamoto and Meguro.

The home page, the section pages and the cooperation themes, then the partner's city
page and the stories about it, keyed by the French source text. Names are the ones
used in the language (Tübingen is テュービンゲン).
"""

LANGUAGE = "ja"

TEXTS = {
    # Cooperation themes
    "Mobilité internationale": "国際モビリティ",
    (
        "Aide à la mobilité internationale des élus et cadres territoriaux, étudiants, lycéens "
        "et apprentis, pour le partage d'expertise, l'ouverture culturelle et une "
        "professionnalisation internationale."
    ): (
        "議員や自治体幹部職員、大学生、高校生、見習い実習生の国際モビリティを支援し、"
        "専門知識の共有、文化的な視野の拡大、国際的な職業能力の向上を図ります。"
    ),
    "Appel à projet international": "国際プロジェクト公募",
    (
        "Un appel à projet pour développer l'internationalisation des acteurs associatifs du "
        "territoire."
    ): ("地域の団体の国際化を推進するためのプロジェクト公募。"),
    "Événementiel international et européen": "国際・欧州イベント",
    (
        "Des temps forts internationaux et européens : le Japon mis en lumière en 2015, la "
        "Hongrie et Pécs à l'honneur en 2016, la fête de l'Europe autour du 9 mai."
    ): (
        "国際・欧州の主要行事：2015年の日本特集、2016年のハンガリーとペーチ特集、"
        "5月9日前後のヨーロッパ・デー。"
    ),
    "Citoyenneté européenne": "欧州市民権",
    "Le développement de la citoyenneté européenne.": "欧州市民権の推進。",
    "Solidarité internationale": "国際連帯",
    "L'accompagnement des associations locales de solidarité internationale.": (
        "国際連帯に取り組む地元団体への支援。"
    ),
    "Ateliers d'échanges culturels": "文化交流ワークショップ",
    (
        "Des ateliers dans les centres sociaux qui mobilisent les étudiants internationaux, "
        "pour leur insertion dans la vie aixoise durant leur séjour et l'ouverture sur le "
        "monde des jeunes fréquentant les centres sociaux."
    ): (
        "地域センターで留学生の協力を得て行うワークショップです。留学生が滞在中にエクスの暮らし"
        "に溶け込み、地域センターに通う若者が世界に目を開くことを目指します。"
    ),
    "Attractivité": "地域の魅力向上",
    (
        "Le rayonnement du territoire par la valorisation de ses spécificités et les actions "
        "de marketing territorial."
    ): ("地域の特色を生かし、地域マーケティングの取り組みを通じて、地域の存在感を高めます。"),
    # Home page
    "Aix-en-Provence et ses villes partenaires": "エクス＝アン＝プロヴァンスとパートナー都市",
    "home": "home-ja",
    (
        "Aix-en-Provence entretient des liens d'amitié et de coopération avec des villes "
        "partenaires sur plusieurs continents. Depuis le premier jumelage, signé avec Tübingen "
        "en 1960, ces partenariats font vivre des échanges entre étudiants, lycéens, "
        "apprentis, élus, associations et habitants."
    ): (
        "エクス＝アン＝プロヴァンスは、複数の大陸のパートナー都市と友好・協力関係を結んでいます"
        "。1960年にテュービンゲンと最初の姉妹都市提携を結んで以来、これらのパートナーシップを通"
        "じて、大学生、高校生、見習い実習生、議員、団体、市民の交流が続いています。"
    ),
    # Section pages
    "Villes partenaires": "パートナー都市",
    (
        "Les jumelages officiels d'Aix-en-Provence, de Tübingen en 1960 à Ashkelon en 1995, et "
        "ses accords de coopération et partenariats sur plusieurs continents."
    ): (
        "1960年のテュービンゲンから1995年のアシュケロンに至るエクス＝アン＝プロヴァンスの正式な"
        "姉妹都市提携、そして複数の大陸にわたる協力協定とパートナーシップをご紹介します。"
    ),
    "Récits d'échanges": "交流ストーリー",
    (
        "Mobilité, temps forts européens, citoyenneté, solidarité, ateliers culturels : les "
        "échanges avec les villes partenaires racontés au fil des années."
    ): (
        "モビリティ、欧州の主要行事、市民権、連帯、文化ワークショップ――パートナー都市との交流を"
        "、年を追ってご紹介します。"
    ),
    "Agenda international": "国際行事カレンダー",
    (
        "Les temps forts internationaux et européens d'Aix et de ses villes partenaires : la "
        "fête de l'Europe autour du 9 mai, le marché international des villes jumelles en "
        "décembre."
    ): (
        "エクスとパートナー都市の国際・欧州の主要行事：5月9日前後のヨーロッパ・デー、"
        "12月の姉妹都市国際マーケット。"
    ),
    "Appel à projets international": "国際プロジェクト公募",
    (
        "Pour développer l'internationalisation des acteurs associatifs du territoire, la "
        "Ville soutient leurs projets avec les villes partenaires."
    ): (
        "地域の団体の国際化を推進するため、市は各団体がパートナー都市と取り組むプロジェクトを支"
        "援しています。"
    ),
    # The 2016-2020 strategy (its sub-pages stay in French)
    "Une nouvelle stratégie pour 2016-2020": "2016-2020年の新戦略",
    (
        "Une nouvelle stratégie globale d'attractivité pour 2016-2020 a été votée lors du "
        "Conseil municipal du 2 mai 2016. Elle s'appuie sur deux axes moteurs."
    ): (
        "2016年5月2日の市議会で、2016-2020年を対象とする新たな総合的魅力向上戦略が可決されました"
        "。この戦略は二つの主要な柱に基づいています。"
    ),
    "L'action internationale d'Aix": "エクスの国際活動",
    (
        "De même que les États, les collectivités territoriales doivent inscrire leur action "
        "publique dans un contexte de mondialisation et d'interdépendance économique "
        "croissante, impactant différents secteurs tels que le développement économique, la "
        "culture, l'éducation, le sport, l'aménagement urbain, le développement touristique, "
        "l'environnement."
    ): (
        "国家と同様に、地方自治体も、グローバル化と経済的相互依存の深まりという状況の中で公共政"
        "策を展開しなければなりません。その影響は、経済開発、文化、教育、スポーツ、"
        "都市整備、観光振興、環境など、さまざまな分野に及んでいます。"
    ),
    (
        "L'action internationale, dénommée également action extérieure, a été confirmée, "
        "courant 2014, comme une compétence d'attribution transversale par le législateur dans "
        "le Code général des collectivités territoriales (articles L1115-1 à L1115-7)."
    ): (
        "国際活動は「対外活動」とも呼ばれ、2014年、立法者により、地方自治体一般法典（第L1115-1条"
        "～第L1115-7条）において分野横断的な法定権限として確認されました。"
    ),
    (
        "Aix-en-Provence, consciente de la part internationale de son ADN, a investi depuis de "
        "nombreuses années cette politique publique construite dans une démarche de "
        "rayonnement et de réciprocité, au bénéfice des acteurs du territoire et donc de son "
        "développement."
    ): (
        "エクス＝アン＝プロヴァンスは、国際性が自らのDNAの一部であることを自覚し、"
        "長年にわたりこの公共政策に力を注いできました。この政策は、発信力と相互性を軸に、"
        "地域の関係者のため、ひいては地域の発展のために築かれてきたものです。"
    ),
    "Deux axes moteurs": "二つの主要な柱",
    (
        "L'attractivité, le rayonnement du territoire par la valorisation de nos spécificités "
        "et avec toutes les actions conduites dans le cadre du marketing territorial."
    ): (
        "魅力向上：私たちの特色を生かし、地域マーケティングの枠組みで行うあらゆる取り組みを通じ"
        "て、地域の存在感を高めること。"
    ),
    (
        "L'ouverture du territoire vers l'extérieur, permettant aux acteurs locaux de se "
        "projeter à l'international dans une logique de professionnalisation et de "
        "développement du territoire."
    ): (
        "地域の対外開放：地元の関係者が国際的に活動できるようにし、専門性の向上と地域の発展につ"
        "なげること。"
    ),
    # City meguro
    "Meguro (Tokyo)": "目黒区（東京都）",
    "Tokyo": "東京都",
    (
        "Meguro, arrondissement de Tokyo (Japon), fait partie des villes partenaires "
        "d'Aix-en-Provence."
    ): ("目黒区（日本・東京都）は、エクス＝アン＝プロヴァンスのパートナー都市の一つです。"),
    # City kumamoto
    "Kumamoto": "熊本市",
    "Préfecture de Kumamoto": "熊本県",
    (
        "Kumamoto, au Japon, fait partie des villes partenaires d'Aix-en-Provence ; le Japon a "
        "été à l'honneur à Aix en 2015."
    ): (
        "熊本市（日本）は、エクス＝アン＝プロヴァンスのパートナー都市の一つです。"
        "2015年には、エクスで日本が特集されました。"
    ),
    "Le Japon à l'honneur": "日本特集",
    "En 2015, l'événementiel international d'Aix met le Japon en lumière.": (
        "2015年、エクスの国際イベントで日本が特集されました。"
    ),
    # Story japon-2015
    "Le Japon à l'honneur à Aix": "エクスで日本を特集",
    (
        "En 2015, l'événementiel international d'Aix a mis le Japon en lumière, avec ses "
        "partenaires Kumamoto et Meguro."
    ): (
        "2015年、エクスの国際イベントでは、パートナー都市の熊本市と目黒区とともに日本が特集され"
        "ました。"
    ),
    (
        "Tout au long de l'année, des rendez-vous ouverts à tous ont fait découvrir la culture "
        "japonaise aux habitants d'Aix : rencontres, expositions et ateliers."
    ): (
        "一年を通じて、誰もが参加できる交流会、展覧会、ワークショップが開かれ、エクスの市民が日"
        "本文化に親しみました。"
    ),
    (
        "Ce temps fort a permis de rapprocher les acteurs culturels et associatifs d'Aix de "
        "leurs homologues des villes partenaires japonaises."
    ): (
        "この特集をきっかけに、エクスの文化団体や市民団体と、日本のパートナー都市の関係者との結"
        "びつきが深まりました。"
    ),
    "2015": "2015年",
    "l'année du Japon dans l'événementiel international d'Aix": (
        "エクスの国際イベントにおける「日本の年」"
    ),
    "Découvrir Kumamoto": "熊本市を知る",
}

STRINGS = {source: {LANGUAGE: text} for source, text in TEXTS.items()}
