using Pipeline.Core.Chambers;

namespace Pipeline.Core.Tests.Chambers;

public class ChamberResolverTests
{
    // ---- FindInText: namings as they appear in real documents (seed excerpts) ----

    [Theory]
    // Brindisi, schede obiettivi / monitoraggio 2021
    [InlineData("Tale area mira a porre la Camera di Commercio di Brindisi in un processo di miglioramento continuo", "BR")]
    [InlineData("⤴ di dare atto che l'attuale situazione del personale della Camera di commercio di Brindisi, a seguito della ricognizione", "BR")]
    [InlineData("il riscontro positivo ottenuto nella precedente edizione la CCIAA di Brindisi ha aderito alla terza edizione", "BR")]
    [InlineData("<p>La Camera di Commercio di Brindisi, con Delibera di Consiglio n. 7 del 10/12/2019, al fine di finanziare", "BR")]
    [InlineData("La Camera di Commercio anche per il tramite della propria azienda speciale PromoBrindisi rappresenta i\nLa Camera di Commercio di Brindisi con questa area mira", "BR")]
    // Brescia, Piano della Performance 2021-2023 (title split over lines, bold markers)
    [InlineData("**CAMERA DI COMMERCIO\nINDUSTRIA ARTIGIANATO E AGRICOLTURA\nBRESCIA**\n\n**PIANO\nDELLA PERFORMANCE\n2021 - 2023**", "BS")]
    [InlineData("Ai sensi della L. 580/1993, sono organi della CCIAA di Brescia", "BS")]
    [InlineData("All'1.1.2021 la CCIAA di Brescia conta 133 dipendenti di cui:", "BS")]
    [InlineData("Fonte: elaborazioni Servizio Studi della CCIAA di Brescia su dati Istat", "BS")]
    [InlineData("ezione Trasparente del sito web camerale [partecipate della camera di Commercio di Brescia](#).", "BS")]
    [InlineData("La Camera di commercio di Brescia, in virtù della legge 580/1993 e successive modifiche, è un Ente autonomo", "BS")]
    [InlineData("ali impegnate nel campo dell'innovazione, quali CSMT e AQM, Camera di Commercio di Cremona, oltre ad altri soggetti", "CR")]
    // Lecce, Piano 2018-2020
    [InlineData("La Camera di Commercio di Lecce deve sentirsi parte di un sistema, mantenere e sviluppare collaborazioni", "LE")]
    [InlineData("La rinnovata azione della Camera di commercio di Lecce, propria di questa fase congiunturale", "LE")]
    [InlineData("La Camera di commercio di Lecce intende costituire ed attivare un “Punto impresa digitale” nell’ambito", "LE")]
    // Foggia, Relazione sulla performance 2021
    [InlineData("\n\nCamera di Commercio di Foggia\n\n\n\nRelazione sulla performance - anno 2021", "FG")]
    [InlineData("performance rappresenta lo strumento attraverso il quale la Camera di commercio di Foggia rende conto", "FG")]
    [InlineData("lizzazione e di valorizzazione del territorio. Pertanto, la CCIAA di Foggia, sia pur in un contesto finanziario ridotto", "FG")]
    [InlineData("I dipendenti della Camera di Commercio di Foggia, in servizio a tempo indeterminato al 31/12/2021 risultano pari a 46.", "FG")]
    // Frosinone-Latina, PIRA 2021: both the former provincial name and the merged one
    [InlineData("La Camera di Commercio di Latina, svolge un ruolo di supporto al territorio e alle imprese", "FRLT")]
    [InlineData("CAMERA DI COMMERCIO  \nFROSINONE LATINA\n\n### **PROGRAMMA DI SPESA: Indirizzo politico**", "FRLT")]
    // ---- the namings the brief lists ----
    [InlineData("Camera di Commercio di Foggia", "FG")]
    [InlineData("CAMERA DI COMMERCIO DI FOGGIA", "FG")]
    [InlineData("CCIAA di Lecce", "LE")]
    [InlineData("C.C.I.A.A. di Brindisi", "BR")]
    [InlineData("Camera di Commercio, Industria, Artigianato e Agricoltura di Brescia", "BS")]
    [InlineData("Camera di Commercio Frosinone Latina", "FRLT")]
    [InlineData("Camera di Commercio Frosinone-Latina", "FRLT")]
    [InlineData("Camera di commercio del Molise", "CBIS")]
    [InlineData("Camera di commercio della Basilicata", "MTPZ")]
    [InlineData("Camera di commercio dell'Umbria", "PGTR")]
    [InlineData("Camera di commercio dell’Umbria", "PGTR")]
    [InlineData("Camera di Commercio I.A.A. di Bari", "BA")]
    // ---- other realistic forms ----
    [InlineData("Camera di Commercio, Industria, Artigianato e Agricoltura (C.C.I.A.A.) di Taranto", "TA")]
    [InlineData("Camera di Commercio Industria Artigianato Agricoltura della provincia di Cuneo", "CN")]
    [InlineData("Camera di commercio delle Marche", "ANAPFMMCPU")]
    [InlineData("Camera di Commercio della Spezia", "IMSPSV")]
    [InlineData("Camera di commercio Riviere di Liguria", "IMSPSV")]
    [InlineData("Camera di Commercio dell'Aquila", "AQTE")]
    [InlineData("Camera di Commercio del Gran Sasso d'Italia", "AQTE")]
    [InlineData("Camera di Commercio della Maremma e del Tirreno", "GRLI")]
    [InlineData("Camera di commercio di Forlì-Cesena", "FCRN")]
    [InlineData("Camera di commercio della Romagna - Forlì-Cesena e Rimini", "FCRN")]
    [InlineData("Camera di Commercio Irpinia Sannio", "AVBN")]
    [InlineData("Camera di commercio del Sud Est Sicilia", "CTRGSR")]
    [InlineData("Camera di Commercio di Palermo ed Enna", "PAEN")]
    [InlineData("Camera di Commercio Monte Rosa Laghi Alto Piemonte", "BIVCNOVB")]
    [InlineData("Camera di commercio di Biella e Vercelli - Novara - Verbano Cusio Ossola", "BIVCNOVB")]
    [InlineData("Camera di commercio di Treviso - Belluno|Dolomiti", "TVBL")]
    [InlineData("Camera di commercio di Bolzano", "BZ")]
    [InlineData("Handelskammer Bozen", "BZ")]
    [InlineData("Chambre valdôtaine des entreprises et des activités libérales", "AO")]
    [InlineData("Camera di Commercio di Chieti Pescara", "CHPE")]
    [InlineData("Camera di Commercio di Pescara", "CHPE")]
    public void FindInText_resolves_document_namings(string text, string expectedCode) =>
        Assert.Equal(expectedCode, ChamberResolver.FindInText(text)?.Code);

    // ---- FindInText: the longest name wins ----

    [Theory]
    [InlineData("Camera di Commercio di Reggio Emilia", "RE")]
    [InlineData("Camera di Commercio di Reggio nell'Emilia", "RE")]
    [InlineData("Camera di Commercio di Reggio Calabria", "RC")]
    [InlineData("Camera di Commercio di Reggio di Calabria", "RC")]
    [InlineData("Camera di commercio dell'Emilia", "PCPRRE")]
    [InlineData("Camera di Commercio di Parma Piacenza Reggio Emilia", "PCPRRE")]
    [InlineData("Camera di Commercio di Parma", "PR")]
    [InlineData("Camera di Commercio di Milano Monza Brianza Lodi", "MIMBLO")]
    [InlineData("Camera di Commercio di Milano", "MIMBLO")]
    [InlineData("Camera di Commercio Venezia Giulia", "GOTS")]
    [InlineData("Camera di Commercio di Venezia", "VERO")]
    [InlineData("Camera di Commercio di Venezia Rovigo Delta Lagunare", "VERO")]
    [InlineData("Camera di commercio di Catanzaro, Crotone e Vibo Valentia", "CZKRVV")]
    [InlineData("Camera di commercio di Catanzaro", "CZ")]
    [InlineData("Camera di commercio di Vibo Valentia", "VV")]
    [InlineData("Camera di commercio di Ferrara e Ravenna", "FERA")]
    [InlineData("Camera di commercio di Ferrara", "FE")]
    [InlineData("Camera di commercio di Brindisi-Taranto", "BRTA")]
    [InlineData("Camera di commercio di Cremona-Mantova-Pavia", "CRMNPV")]
    [InlineData("Camera di commercio della Toscana Nord-Ovest", "LUMSPI")]
    [InlineData("Camera di commercio di Massa-Carrara", "MS")]
    public void FindInText_prefers_the_longest_name(string text, string expectedCode) =>
        Assert.Equal(expectedCode, ChamberResolver.FindInText(text)?.Code);

    // ---- FindInText: over a whole text, the chamber named most often ----

    [Fact]
    public void FindInText_picks_the_chamber_named_most_often()
    {
        const string text = """
            CAMERA DI COMMERCIO INDUSTRIA ARTIGIANATO E AGRICOLTURA BRESCIA
            La CCIAA di Brescia collabora con CSMT, AQM e la Camera di Commercio di Cremona.
            Il Piano della Performance della Camera di Commercio di Brescia è stato redatto ...
            """;
        Assert.Equal("BS", ChamberResolver.FindInText(text)?.Code);
    }

    [Fact]
    public void FindInText_ignores_cities_in_running_text_next_to_a_naming()
    {
        const string text = """
            Imprese di Bari, Foggia e Taranto, Bari, Bari.
            La Camera di commercio di Lecce intende proseguire la propria azione.
            """;
        Assert.Equal("LE", ChamberResolver.FindInText(text)?.Code);
    }

    // ---- FindInText: nothing named, running text only, ambiguity ----

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("Relazione sulla performance - anno 2021")]
    [InlineData("imprese di Bari e Foggia")]
    [InlineData("Il distretto di Brescia e Bergamo ha registrato una crescita delle imprese di Milano.")]
    [InlineData("La Camera di Commercio, la Regione e il Comune hanno firmato un protocollo")]
    [InlineData("Individuare e coinvolgere almeno 5 imprese per le CCIAA di piccola dimensione")]
    [InlineData("Efficientamento delle Aziende Speciali: Contributi (euro) da CCIAA a AASS anno n")]
    [InlineData("Programma: CCIAA")]
    [InlineData("Unioncamere Puglia, Bari")]
    [InlineData("Camera di commercio di Atlantide")]
    public void FindInText_returns_null_when_no_chamber_is_named(string? text) =>
        Assert.Null(ChamberResolver.FindInText(text!));

    [Theory]
    [InlineData("Camera di Commercio di Reggio")]
    [InlineData("La Camera di Commercio di Bari e la Camera di Commercio di Foggia")]
    [InlineData("Accorpamento della Camera di Commercio di Brindisi con la Camera di Commercio di Taranto")]
    [InlineData("Convenzione tra la CCIAA di Brescia e la CCIAA di Bergamo")]
    [InlineData("Camera di commercio dell'Emilia-Romagna")]
    public void FindInText_returns_null_when_ambiguous(string text) =>
        Assert.Null(ChamberResolver.FindInText(text));

    // ---- Lookup: --chamber option ----

    [Theory]
    [InlineData("FG", "FG")]
    [InlineData("fg", "FG")]
    [InlineData(" Fg ", "FG")]
    [InlineData("frlt", "FRLT")]
    [InlineData("FRLT", "FRLT")]
    [InlineData("Foggia", "FG")]
    [InlineData("FOGGIA", "FG")]
    [InlineData("frosinone-latina", "FRLT")]
    [InlineData("Frosinone Latina", "FRLT")]
    [InlineData("Frosinone", "FRLT")]
    [InlineData("latina", "FRLT")]
    [InlineData("Brindisi", "BR")]
    [InlineData("Brescia", "BS")]
    [InlineData("Lecce", "LE")]
    [InlineData("Chieti-Pescara", "CHPE")]
    [InlineData("chpe", "CHPE")]
    [InlineData("Forlì-Cesena", "FCRN")]
    [InlineData("forli cesena", "FCRN")]
    [InlineData("Reggio Calabria", "RC")]
    [InlineData("reggio emilia", "RE")]
    [InlineData("Milano Monza Brianza Lodi", "MIMBLO")]
    [InlineData("mimblo", "MIMBLO")]
    [InlineData("L'Aquila", "AQTE")]
    [InlineData("Valle d'Aosta", "AO")]
    [InlineData("Vallée d’Aoste", "AO")]
    [InlineData("Umbria", "PGTR")]
    [InlineData("Camera di Commercio di Foggia", "FG")]
    [InlineData("CCIAA Lecce", "LE")]
    public void Lookup_resolves_codes_and_names(string input, string expectedCode) =>
        Assert.Equal(expectedCode, ChamberResolver.Lookup(input)?.Code);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("-")]
    [InlineData("XX")]
    [InlineData("Atlantide")]
    [InlineData("Reggio")]
    [InlineData("Emilia-Romagna")]
    [InlineData("Bari Foggia")]
    [InlineData("imprese di Bari")]
    public void Lookup_returns_null_for_unknown_empty_or_ambiguous(string? input) =>
        Assert.Null(ChamberResolver.Lookup(input!));

    // ---- the reference list ----

    [Fact]
    public void Codes_are_unique_upper_case_and_built_from_province_codes()
    {
        var codes = ItalianChambers.All.Select(c => c.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(codes, code =>
        {
            Assert.Matches("^[A-Z]+$", code);
            Assert.True(code.Length % 2 == 0 && code.Length <= 10, $"{code} is not a concatenation of province codes");
        });
    }

    [Fact]
    public void Names_are_unique_across_chambers_and_include_the_name()
    {
        var owners = new Dictionary<string, string>();
        foreach (var chamber in ItalianChambers.All)
        {
            Assert.Contains(chamber.Name, chamber.Names);
            foreach (var key in chamber.Names.Select(ChamberResolver.Normalize).Distinct())
            {
                Assert.NotEqual("", key);
                if (owners.TryGetValue(key, out var other))
                    Assert.Fail($"'{key}' names both {other} and {chamber.Code}");
                owners[key] = chamber.Code;
            }
        }
    }

    [Fact]
    public void No_name_reads_as_another_chambers_code()
    {
        var codes = ItalianChambers.All.ToDictionary(c => c.Code);
        foreach (var chamber in ItalianChambers.All)
            foreach (var name in chamber.Names)
            {
                var compact = ChamberResolver.Normalize(name).Replace(" ", "").ToUpperInvariant();
                if (codes.TryGetValue(compact, out var other))
                    Assert.Equal(chamber.Code, other.Code);
            }
    }

    [Fact]
    public void Every_code_and_name_resolves_back_to_its_chamber()
    {
        foreach (var chamber in ItalianChambers.All)
        {
            Assert.Same(chamber, ChamberResolver.Lookup(chamber.Code));
            Assert.Same(chamber, ChamberResolver.Lookup(chamber.Code.ToLowerInvariant()));
            foreach (var name in chamber.Names)
            {
                Assert.True(ReferenceEquals(chamber, ChamberResolver.Lookup(name)),
                    $"Lookup(\"{name}\") should be {chamber.Code}, was {ChamberResolver.Lookup(name)?.Code ?? "null"}");
                Assert.True(ReferenceEquals(chamber, ChamberResolver.Lookup(name.ToUpperInvariant())),
                    $"Lookup(\"{name.ToUpperInvariant()}\") should be {chamber.Code}");
            }
        }
    }

    [Fact]
    public void Every_name_is_found_after_a_chamber_phrase()
    {
        foreach (var chamber in ItalianChambers.All)
            foreach (var name in chamber.Names)
            {
                var found = ChamberResolver.FindInText($"Piano della Performance della Camera di Commercio di {name}, anno 2021");
                Assert.True(ReferenceEquals(chamber, found),
                    $"FindInText(... di {name}) should be {chamber.Code}, was {found?.Code ?? "null"}");
            }
    }

    [Fact]
    public void Covers_the_20_regions_in_Italian()
    {
        string[] regions =
        [
            "Piemonte", "Valle d'Aosta", "Lombardia", "Trentino-Alto Adige", "Veneto", "Friuli-Venezia Giulia",
            "Liguria", "Emilia-Romagna", "Toscana", "Umbria", "Marche", "Lazio", "Abruzzo", "Molise", "Campania",
            "Puglia", "Basilicata", "Calabria", "Sicilia", "Sardegna",
        ];
        Assert.Equal(regions.Order(), ItalianChambers.All.Select(c => c.Region).Distinct().Order());
    }

    [Theory]
    [InlineData("BR", "Brindisi", "Puglia")]
    [InlineData("BS", "Brescia", "Lombardia")]
    [InlineData("LE", "Lecce", "Puglia")]
    [InlineData("FG", "Foggia", "Puglia")]
    [InlineData("FRLT", "Frosinone-Latina", "Lazio")]
    [InlineData("CHPE", "Chieti Pescara", "Abruzzo")]
    [InlineData("TA", "Taranto", "Puglia")]
    public void Chambers_of_the_period_are_their_own_chamber(string code, string name, string region)
    {
        var chamber = Assert.Single(ItalianChambers.All, c => c.Code == code);
        Assert.Equal(name, chamber.Name);
        Assert.Equal(region, chamber.Region);
    }

    // ---- Normalize ----

    [Theory]
    [InlineData("Forlì-Cesena", "forli cesena")]
    [InlineData("  dell’Umbria  ", "dell umbria")]
    [InlineData("C.C.I.A.A. di Brindisi", "c c i a a di brindisi")]
    [InlineData("CAMERA DI COMMERCIO\r\nFROSINONE   LATINA", "camera di commercio frosinone latina")]
    [InlineData("Vallée d'Aoste", "vallee d aoste")]
    [InlineData("Treviso-Belluno|Dolomiti", "treviso belluno dolomiti")]
    [InlineData("", "")]
    [InlineData(" .,;- ", "")]
    public void Normalize_lowercases_strips_accents_and_punctuation(string input, string expected) =>
        Assert.Equal(expected, ChamberResolver.Normalize(input));

    [Fact]
    public void Normalize_of_null_is_empty() => Assert.Equal("", ChamberResolver.Normalize(null!));

    /// <summary>Registry exports name a province (Camera, Provincia columns): a merged chamber answers for each of its provinces.</summary>
    [Theory]
    [InlineData("CB", "CBIS")]          // Campobasso, merged with Isernia into the Molise chamber
    [InlineData("is", "CBIS")]          // case does not matter
    [InlineData(" LT ", "FRLT")]        // Latina, merged with Frosinone
    [InlineData("FR", "FRLT")]
    [InlineData("FG", "FG")]            // a chamber of its own: its own code
    [InlineData("BR", "BR")]            // Brindisi has a code of its own as well as its part in BRTA: its own wins
    [InlineData("Foggia", "FG")]        // names as Lookup takes them
    [InlineData("Campobasso", "CBIS")]
    [InlineData("MC", "ANAPFMMCPU")]    // Macerata, one of the five Marche provinces
    [InlineData("XX", null)]            // no such province
    [InlineData("C", null)]
    [InlineData("C1", null)]
    [InlineData("", null)]
    public void A_province_code_resolves_to_the_merged_chamber_it_is_part_of(string value, string? expected)
    {
        Assert.Equal(expected, ChamberResolver.LookupWithProvince(value)?.Code);
    }
}
