using Pipeline.Core.Model;
using Pipeline.Core.Values;

namespace Pipeline.Samples;

/// <summary>
/// The synthetic region's chambers. Every name, objective and KPI here is invented; the numbers are chosen so that
/// some targets are reached, some are not, and one half-year value is missing.
/// </summary>
public static class SampleRegion
{
    private const string Year = SamplePeriods.Year2021;
    private const string Half = SamplePeriods.FirstHalf2021;

    /// <summary>The code of the KPI whose first-half value is left empty in the half-year workbook.</summary>
    public const string KpiMissingFirstHalf = "IND.3.2.1";

    /// <summary>Camera di Commercio del Molise (CBIS), plan cycle 2021–2023: 4 strategic objectives, 8 operational, 20 KPIs.</summary>
    public static SamplePlan Molise()
    {
        var strategic = new List<SampleStrategicObjective>
        {
            new("OS.1", "Accompagnare la transizione digitale delle imprese molisane", "AS1 Digitale e semplificazione"),
            new("OS.2", "Rafforzare la competitività e la proiezione internazionale delle PMI", "AS2 Competitività e export"),
            new("OS.3", "Assicurare un mercato trasparente e tutelare consumatori e imprese", "AS3 Regolazione del mercato"),
            new("OS.4", "Garantire un'amministrazione efficiente, trasparente e sostenibile", "AS4 Efficienza interna"),
        };
        const string registry = "Area Anagrafe e Registro Imprese";
        const string promotion = "Area Promozione e Sviluppo Economico";
        const string market = "Ufficio Regolazione del Mercato";
        const string finance = "Servizio Risorse Finanziarie e Provveditorato";
        const string secretariat = "Segreteria Generale";

        var objectives = new List<SampleObjective>();
        void Objective(string code, string title, string parent, string unit) =>
            objectives.Add(new SampleObjective(code, title, ObjectiveLevel.Operational, parent,
                strategic.Single(s => s.Code == parent).Title, unit));

        Objective("OO.1.1", "Estendere l'uso degli strumenti di identità digitale tra le imprese", "OS.1", registry);
        Objective("OO.1.2", "Ridurre i tempi di evasione delle istanze al Registro Imprese", "OS.1", registry);
        Objective("OO.2.1", "Sostenere le imprese nell'avvio e nel consolidamento dell'export", "OS.2", promotion);
        Objective("OO.2.2", "Promuovere la nuova imprenditorialità e le competenze digitali", "OS.2", promotion);
        Objective("OO.3.1", "Intensificare i controlli su metrologia legale e sicurezza dei prodotti", "OS.3", market);
        Objective("OO.3.2", "Diffondere gli strumenti di giustizia alternativa", "OS.3", market);
        Objective("OO.4.1", "Migliorare la riscossione e la gestione delle risorse finanziarie", "OS.4", finance);
        Objective("OO.4.2", "Valorizzare le persone e la comunicazione istituzionale", "OS.4", secretariat);

        var kpis = new List<SampleKpi>();
        void Kpi(string code, string objective, string name, string algorithm, string unit, SampleKpiKind kind, decimal weight,
                 string source, TargetValue target, SampleActual? firstHalf, SampleActual? year, string? note = null) =>
            kpis.Add(new SampleKpi(code, objective, name, algorithm, unit, kind, weight, source, target,
                new Dictionary<string, SampleActual?> { [Half] = firstHalf, [Year] = year }, note));

        static TargetValue AtLeast(decimal value, string raw, string? unit = null) => TargetValue.Numeric(Year, TargetOperator.GreaterOrEqual, value, raw, unit);
        static TargetValue AtMost(decimal value, string raw, string? unit = null) => TargetValue.Numeric(Year, TargetOperator.LessOrEqual, value, raw, unit);
        static SampleActual N(decimal value) => SampleActual.Of(value);

        Kpi("IND.1.1.1", "OO.1.1", "Dispositivi di firma digitale e SPID rilasciati alle imprese",
            "Numero di dispositivi rilasciati nel periodo", "n.", SampleKpiKind.Count, 40m, "Gestionale rilascio dispositivi",
            AtLeast(1800m, "Almeno 1.800"), N(1034m), N(1942m));
        Kpi("IND.1.1.2", "OO.1.1", "Imprese che hanno attivato il fascicolo digitale d'impresa",
            "Imprese con fascicolo attivato / imprese attive iscritte x 100", "%", SampleKpiKind.Percent, 60m, "Registro Imprese",
            AtLeast(12m, "≥ 12%", "%"), N(6.4m), N(13.1m));
        Kpi("IND.1.2.1", "OO.1.2", "Giorni medi di evasione delle istanze telematiche",
            "Somma dei giorni tra protocollazione ed evasione / numero di istanze evase", "gg", SampleKpiKind.Days, 50m, "Protocollo Registro Imprese",
            AtMost(5m, "<= 5 gg", "gg"), N(4.2m), N(3.8m));
        Kpi("IND.1.2.2", "OO.1.2", "Quota di istanze evase entro cinque giorni",
            "Istanze evase entro 5 giorni / istanze evase x 100", "%", SampleKpiKind.Percent, 30m, "Protocollo Registro Imprese",
            AtLeast(85m, ">= 85%", "%"), N(82.5m), N(88.25m), "Recupero dell'arretrato nel secondo semestre");
        Kpi("IND.1.2.3", "OO.1.2", "Attivazione dello sportello virtuale per l'assistenza ai depositi",
            "Data di messa in esercizio del servizio", "data", SampleKpiKind.Deadline, 20m, "Rilevazione interna",
            TargetValue.Deadline(Year, new DateOnly(2021, 9, 30), "Entro 30/09/2021"), SampleActual.Status("In corso"), SampleActual.DoneOn(2021, 9, 15));

        Kpi("IND.2.1.1", "OO.2.1", "Imprese assistite con servizi di primo orientamento ai mercati esteri",
            "Numero di imprese che hanno ricevuto almeno un servizio", "n.", SampleKpiKind.Count, 50m, "Gestionale attività promozionali",
            AtLeast(120m, "Almeno 120"), N(58m), N(131m));
        Kpi("IND.2.1.2", "OO.2.1", "Contributi liquidati alle imprese con il bando voucher export",
            "Somma degli importi liquidati nel periodo", "€", SampleKpiKind.Amount, 50m, "Contabilità dell'ente",
            AtLeast(250000m, ">= 250.000 €", "€"), N(112450.5m), N(263980m));
        Kpi("IND.2.2.1", "OO.2.2", "Partecipanti ai percorsi di orientamento per aspiranti imprenditori",
            "Numero di partecipanti registrati agli incontri", "n.", SampleKpiKind.Count, 40m, "Registro presenze",
            AtLeast(200m, ">= 200"), N(96m), N(214m));
        Kpi("IND.2.2.2", "OO.2.2", "Gradimento medio dei seminari formativi",
            "Media dei punteggi dei questionari di gradimento (scala 1-5)", "punti", SampleKpiKind.Score, 30m, "Questionari di gradimento",
            AtLeast(4m, "≥ 4"), N(4.3m), N(4.45m));
        Kpi("IND.2.2.3", "OO.2.2", "Pubblicazione del bando per la doppia transizione digitale ed ecologica",
            "Bando pubblicato sull'albo camerale (SI/NO)", "SI/NO", SampleKpiKind.YesNo, 30m, "Albo camerale online",
            TargetValue.YesNo(Year, true, "SI"), SampleActual.YesNo(true), SampleActual.YesNo(true));

        Kpi("IND.3.1.1", "OO.3.1", "Verifiche periodiche eseguite sugli strumenti di misura",
            "Numero di verifiche concluse nel periodo", "n.", SampleKpiKind.Count, 60m, "Registro verifiche metriche",
            AtLeast(350m, ">= 350"), N(161m), N(372m));
        Kpi("IND.3.1.2", "OO.3.1", "Procedimenti sanzionatori conclusi entro i termini di legge",
            "Procedimenti conclusi nei termini / procedimenti conclusi x 100", "%", SampleKpiKind.Percent, 40m, "Gestionale sanzioni",
            AtLeast(90m, ">= 90%", "%"), N(93.3m), N(95m));
        Kpi(KpiMissingFirstHalf, "OO.3.2", "Procedure di mediazione gestite dall'organismo camerale",
            "Numero di procedure avviate nel periodo", "n.", SampleKpiKind.Count, 40m, "Gestionale mediazioni",
            AtLeast(80m, ">= 80"), null, N(86m), "Dato semestrale non pervenuto");
        Kpi("IND.3.2.2", "OO.3.2", "Durata media delle procedure di mediazione concluse",
            "Somma delle durate / numero di procedure concluse", "gg", SampleKpiKind.Days, 30m, "Gestionale mediazioni",
            AtMost(60m, "<= 60 gg", "gg"), N(58m), N(55.5m));
        Kpi("IND.3.2.3", "OO.3.2", "Revisione del regolamento dell'organismo di mediazione",
            "Data di approvazione del nuovo regolamento", "data", SampleKpiKind.Deadline, 30m, "Delibere di Giunta",
            TargetValue.Deadline(Year, new DateOnly(2021, 10, 30), "Entro 30/10/2021"), SampleActual.DoneOn(2021, 6, 14), SampleActual.DoneOn(2021, 6, 14));

        Kpi("IND.4.1.1", "OO.4.1", "Tasso di riscossione spontanea del diritto annuale",
            "Importo riscosso entro la scadenza / importo dovuto x 100", "%", SampleKpiKind.Percent, 60m, "Sistema diritto annuale",
            AtLeast(70m, ">= 70%", "%"), N(62.4m), N(70.5m));
        Kpi("IND.4.1.2", "OO.4.1", "Tempo medio di pagamento delle fatture passive",
            "Media ponderata dei giorni tra ricevimento e pagamento", "gg", SampleKpiKind.Days, 40m, "Contabilità dell'ente",
            AtMost(30m, "<= 30 gg", "gg"), N(21.4m), N(19.8m));
        Kpi("IND.4.2.1", "OO.4.2", "Ore di formazione pro capite del personale",
            "Ore di formazione erogate / dipendenti in servizio", "ore", SampleKpiKind.Hours, 30m, "Ufficio Personale",
            AtLeast(12m, "≥ 12"), N(5.5m), N(14.25m));
        Kpi("IND.4.2.2", "OO.4.2", "Visitatori unici del portale istituzionale",
            "Numero di visitatori unici rilevati dalle statistiche del portale", "n.", SampleKpiKind.Count, 30m, "Statistiche del portale",
            AtLeast(40000m, "Almeno 40.000"), N(23418m), N(47902m));
        Kpi("IND.4.2.3", "OO.4.2", "Grado di attuazione delle misure del piano anticorruzione",
            "Misure attuate / misure programmate x 100", "%", SampleKpiKind.Percent, 40m, "Rilevazione interna",
            TargetValue.Numeric(Year, TargetOperator.Equal, 100m, "= 100%", "%"), N(50m), N(100m));

        return new SamplePlan("Camera di Commercio del Molise", "CBIS", 2021, 2023, strategic, objectives, kpis);
    }
}
