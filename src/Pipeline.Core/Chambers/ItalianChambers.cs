namespace Pipeline.Core.Chambers;

/// <summary>
/// Reference list of the Italian chambers of commerce (CCIAA), all 20 regions, as they stood in the period of
/// the documents we read (performance cycles 2018–2023), reflecting the mergers of the 2016 reform
/// (D.Lgs. 219/2016, D.M. 16 February 2018) known as of the end of 2023.
/// </summary>
/// <remarks>
/// <para>Rules used to build the list:</para>
/// <list type="bullet">
/// <item>A merger completed by the end of 2021 (e.g. Frosinone-Latina 2020, Umbria 2021, Rieti-Viterbo 2021)
/// gives only the merged chamber; the former provincial chambers' names are names of the merged chamber, so a
/// 2019 document of "Camera di commercio di Latina" resolves to <c>FRLT</c>, its successor.</item>
/// <item>A merger completed in 2022 or later, or contested/never completed, keeps the provincial chambers
/// (most documents of the period are theirs) and adds the merged chamber where it was constituted:
/// Catanzaro-Crotone-Vibo Valentia (2022), Irpinia Sannio (2022), Toscana Nord-Ovest (2022),
/// Ferrara e Ravenna (2023), Emilia (2023), Brindisi-Taranto (2024), Cremona-Mantova-Pavia (2024).
/// Agrigento-Caltanissetta-Trapani, decreed but never constituted, is left as three chambers.
/// In these cases a province's own name resolves to the provincial chamber only; the merged chamber
/// answers to its own name ("Emilia", "Brindisi Taranto", ...).</item>
/// <item>Sicily: the 2021–2023 interim split of the Sud Est chamber (Catania alone, Ragusa and Siracusa in a
/// five-province chamber run by commissioners) is not represented; "Catania", "Ragusa" and "Siracusa" resolve
/// to Sud Est Sicilia, which the Region confirmed in 2023.</item>
/// <item>Codes of merged chambers concatenate province codes in the order of the chamber's own name where it is
/// named after its provinces (Frosinone-Latina = FRLT), alphabetically otherwise (Marche = ANAPFMMCPU).</item>
/// </list>
/// <para>Codes and names are unique across the list. A deployment can add chambers (e.g. foreign or future
/// ones) through configuration later; this list is the built-in default.</para>
/// </remarks>
public static class ItalianChambers
{
    public static IReadOnlyList<ChamberInfo> All { get; } =
    [
        // Piemonte
        C("ALAT", "Alessandria-Asti", "Piemonte", "Alessandria e Asti", "Asti Alessandria", "Alessandria", "Asti"),
        C("BIVCNOVB", "Monte Rosa Laghi Alto Piemonte", "Piemonte",
            "Biella e Vercelli Novara Verbano Cusio Ossola", "Biella Vercelli Novara Verbano Cusio Ossola",
            "Biella Vercelli Novara VCO", "Biella e Vercelli", "Biella Vercelli", "Biella", "Vercelli", "Novara",
            "Verbano Cusio Ossola", "Verbano-Cusio-Ossola", "VCO", "Verbania"),
        C("CN", "Cuneo", "Piemonte"),
        C("TO", "Torino", "Piemonte"),

        // Valle d'Aosta
        C("AO", "Chambre valdôtaine des entreprises et des activités libérales", "Valle d'Aosta",
            "Chambre valdôtaine", "Camera valdostana delle imprese e delle professioni", "Camera valdostana",
            "Valle d'Aosta", "Vallée d'Aoste", "Aosta", "Aoste"),

        // Lombardia
        C("BG", "Bergamo", "Lombardia"),
        C("BS", "Brescia", "Lombardia"),
        C("COLC", "Como-Lecco", "Lombardia", "Como e Lecco", "Lecco Como", "Como", "Lecco"),
        C("CR", "Cremona", "Lombardia"),
        C("MN", "Mantova", "Lombardia"),
        C("PV", "Pavia", "Lombardia"),
        C("CRMNPV", "Cremona-Mantova-Pavia", "Lombardia", "Cremona Mantova e Pavia", "Mantova Cremona Pavia",
            "Mantova Pavia Cremona"),
        C("MIMBLO", "Milano Monza Brianza Lodi", "Lombardia", "Milano-Monza Brianza-Lodi",
            "Milano Monza Brianza e Lodi", "Milano MonzaBrianza Lodi", "Milano", "Monza Brianza", "Monza e Brianza",
            "Monza", "Brianza", "Lodi"),
        C("SO", "Sondrio", "Lombardia"),
        C("VA", "Varese", "Lombardia"),

        // Trentino-Alto Adige
        C("BZ", "Bolzano", "Trentino-Alto Adige", "Bolzano-Bozen", "Bozen", "Handelskammer Bozen"),
        C("TN", "Trento", "Trentino-Alto Adige"),

        // Veneto
        C("PD", "Padova", "Veneto"),
        C("TVBL", "Treviso-Belluno", "Veneto", "Treviso-Belluno|Dolomiti", "Treviso Belluno Dolomiti", "Treviso",
            "Belluno"),
        C("VERO", "Venezia Rovigo", "Veneto", "Venezia Rovigo Delta Lagunare", "Venezia e Rovigo", "Venezia",
            "Rovigo"),
        C("VR", "Verona", "Veneto"),
        C("VI", "Vicenza", "Veneto"),

        // Friuli-Venezia Giulia
        C("PNUD", "Pordenone-Udine", "Friuli-Venezia Giulia", "Pordenone e Udine", "Udine Pordenone", "Pordenone",
            "Udine"),
        C("GOTS", "Venezia Giulia", "Friuli-Venezia Giulia", "Venezia Giulia Trieste Gorizia", "Trieste Gorizia",
            "Gorizia Trieste", "Trieste", "Gorizia"),

        // Liguria
        C("GE", "Genova", "Liguria"),
        C("IMSPSV", "Riviere di Liguria", "Liguria", "Riviere di Liguria Imperia La Spezia Savona",
            "Imperia La Spezia Savona", "Imperia", "La Spezia", "Spezia", "Savona"),

        // Emilia-Romagna
        C("BO", "Bologna", "Emilia-Romagna"),
        C("FE", "Ferrara", "Emilia-Romagna"),
        C("RA", "Ravenna", "Emilia-Romagna"),
        C("FERA", "Ferrara e Ravenna", "Emilia-Romagna", "Ferrara-Ravenna", "Ravenna e Ferrara", "Ravenna-Ferrara"),
        C("MO", "Modena", "Emilia-Romagna"),
        C("PC", "Piacenza", "Emilia-Romagna"),
        C("PR", "Parma", "Emilia-Romagna"),
        C("RE", "Reggio Emilia", "Emilia-Romagna", "Reggio nell'Emilia"),
        C("PCPRRE", "Emilia", "Emilia-Romagna", "Parma Piacenza Reggio Emilia", "Piacenza Parma Reggio Emilia",
            "Reggio Emilia Parma Piacenza", "Parma Piacenza e Reggio Emilia"),
        C("FCRN", "Romagna", "Emilia-Romagna", "Romagna Forlì-Cesena e Rimini", "Romagna Forlì-Cesena Rimini",
            "Forlì-Cesena e Rimini", "Forlì-Cesena Rimini", "Forlì-Cesena", "Forlì", "Cesena", "Rimini"),

        // Toscana
        C("ARSI", "Arezzo-Siena", "Toscana", "Arezzo e Siena", "Siena Arezzo", "Arezzo", "Siena"),
        C("FI", "Firenze", "Toscana"),
        C("GRLI", "Maremma e Tirreno", "Toscana", "Maremma e del Tirreno", "Grosseto Livorno", "Livorno Grosseto",
            "Grosseto", "Livorno"),
        C("LU", "Lucca", "Toscana"),
        C("MS", "Massa-Carrara", "Toscana", "Massa Carrara", "Massa", "Carrara"),
        C("PI", "Pisa", "Toscana"),
        C("LUMSPI", "Toscana Nord-Ovest", "Toscana", "Toscana Nordovest", "Lucca Massa Carrara Pisa",
            "Pisa Lucca Massa Carrara"),
        C("PTPO", "Pistoia-Prato", "Toscana", "Pistoia e Prato", "Prato Pistoia", "Prato e Pistoia", "Pistoia",
            "Prato"),

        // Umbria
        C("PGTR", "Umbria", "Umbria", "Perugia Terni", "Perugia e Terni", "Perugia", "Terni"),

        // Marche
        C("ANAPFMMCPU", "Marche", "Marche", "Ancona", "Ascoli Piceno", "Ascoli", "Fermo", "Macerata",
            "Pesaro Urbino", "Pesaro e Urbino", "Pesaro", "Urbino"),

        // Lazio
        C("FRLT", "Frosinone-Latina", "Lazio", "Frosinone e Latina", "Latina Frosinone", "Latina e Frosinone",
            "Frosinone", "Latina"),
        C("RIVT", "Rieti-Viterbo", "Lazio", "Rieti e Viterbo", "Viterbo Rieti", "Viterbo e Rieti", "Rieti",
            "Viterbo"),
        C("RM", "Roma", "Lazio"),

        // Abruzzo
        C("CHPE", "Chieti Pescara", "Abruzzo", "Chieti e Pescara", "Pescara Chieti", "Chieti", "Pescara"),
        C("AQTE", "Gran Sasso d'Italia", "Abruzzo", "Gran Sasso", "L'Aquila Teramo", "L'Aquila e Teramo",
            "L'Aquila", "Aquila", "Teramo"),

        // Molise
        C("CBIS", "Molise", "Molise", "Campobasso Isernia", "Campobasso e Isernia", "Campobasso", "Isernia"),

        // Campania
        C("AV", "Avellino", "Campania"),
        C("BN", "Benevento", "Campania"),
        C("AVBN", "Irpinia Sannio", "Campania", "Irpinia-Sannio", "Avellino Benevento"),
        C("CE", "Caserta", "Campania"),
        C("NA", "Napoli", "Campania"),
        C("SA", "Salerno", "Campania"),

        // Puglia
        C("BA", "Bari", "Puglia"),
        C("BR", "Brindisi", "Puglia"),
        C("TA", "Taranto", "Puglia"),
        C("BRTA", "Brindisi-Taranto", "Puglia", "Taranto-Brindisi"),
        C("FG", "Foggia", "Puglia"),
        C("LE", "Lecce", "Puglia"),

        // Basilicata
        C("MTPZ", "Basilicata", "Basilicata", "Potenza Matera", "Potenza e Matera", "Potenza", "Matera"),

        // Calabria
        C("CZ", "Catanzaro", "Calabria"),
        C("KR", "Crotone", "Calabria"),
        C("VV", "Vibo Valentia", "Calabria", "Vibo"),
        C("CZKRVV", "Catanzaro Crotone Vibo Valentia", "Calabria", "Catanzaro-Crotone-Vibo Valentia",
            "Catanzaro, Crotone e Vibo Valentia"),
        C("CS", "Cosenza", "Calabria"),
        C("RC", "Reggio Calabria", "Calabria", "Reggio di Calabria"),

        // Sicilia
        C("AG", "Agrigento", "Sicilia"),
        C("CL", "Caltanissetta", "Sicilia"),
        C("TP", "Trapani", "Sicilia"),
        C("CTRGSR", "Sud Est Sicilia", "Sicilia", "Sud-Est Sicilia", "Catania Ragusa Siracusa",
            "Catania Ragusa e Siracusa", "Catania", "Ragusa", "Siracusa"),
        C("ME", "Messina", "Sicilia"),
        C("PAEN", "Palermo Enna", "Sicilia", "Palermo ed Enna", "Palermo e Enna", "Palermo", "Enna"),

        // Sardegna
        C("CAOR", "Cagliari-Oristano", "Sardegna", "Cagliari e Oristano", "Oristano Cagliari", "Cagliari",
            "Oristano"),
        C("NU", "Nuoro", "Sardegna"),
        C("SS", "Sassari", "Sardegna"),
    ];

    private static ChamberInfo C(string code, string name, string region, params string[] variants) =>
        new(code, name, region, [name, .. variants]);
}
