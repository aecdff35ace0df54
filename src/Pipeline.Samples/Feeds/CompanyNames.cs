namespace Pipeline.Samples.Feeds;

/// <summary>
/// Invented Italian-looking people and business names for <see cref="CompanyFeed"/>: surnames common in Molise,
/// first names, and names of businesses built from trades and places, some with an apostrophe ("Caffè d'Italia"),
/// accented letters ("Società", "Nicolò"), quotes or, rarely, a semicolon.
/// </summary>
internal static class CompanyNames
{
    public static readonly string[] Surnames =
    [
        "Di Iorio", "D'Amico", "Santoro", "Petrella", "Mastropietro", "Fratangelo", "Iacovone", "Di Lallo", "Ciccone",
        "Di Vito", "Colalillo", "Zappone", "De Gregorio", "Tamburri", "Mancini", "Ricci", "Rossi", "Russo", "Greco",
        "Marino", "Di Nucci", "D'Alessandro", "Carlone", "Sabelli", "Niro", "Palladino", "Lombardi", "Fanelli",
        "Salvatore", "Di Paolo", "Pietrangelo", "Lalli", "Giancola", "Berardi", "Iannone", "Ferrante", "Di Tella",
        "Gentile", "D'Ascanio", "Cianciullo", "Lepore", "Mascia", "Venditti", "Del Vecchio", "Tirabassi", "Perrella",
    ];

    public static readonly string[] MaleNames =
    [
        "Antonio", "Giuseppe", "Mario", "Giovanni", "Michele", "Nicola", "Francesco", "Pasquale", "Domenico", "Luigi",
        "Vincenzo", "Nicolò", "Gianluca", "Andrea", "Luca", "Matteo", "Fabrizio", "Carmine", "Raffaele", "Salvatore",
        "Lorenzo", "Gabriele", "Angelo", "Donato", "Cristian",
    ];

    public static readonly string[] FemaleNames =
    [
        "Maria", "Anna", "Rosa", "Giuseppina", "Carmela", "Lucia", "Francesca", "Angela", "Teresa", "Antonella",
        "Michela", "Giulia", "Chiara", "Elena", "Noemi", "Ilaria", "Concetta", "Assunta", "Nicoletta", "Rossella",
    ];

    /// <summary>Trade names a sole proprietor puts before "di Cognome Nome".</summary>
    public static readonly string[] SoleTrades =
    [
        "Bar Centrale", "Azienda Agricola Colle Verde", "Officina Meccanica", "Ferramenta", "Caffè d'Italia",
        "Pizzeria Da Nicolò", "Autotrasporti", "Impresa Edile", "Parrucchieria Stile", "Frutta e Verdura",
        "Macelleria", "Tabaccheria", "Agriturismo Le Querce", "Idraulica", "Elettricità e Impianti", "Panetteria",
    ];

    /// <summary>Names in quotes, as registries print an insegna: Ristorante "La Pergola".</summary>
    public static readonly string[] Signs =
    [
        "Ristorante \"La Pergola\"", "Bar \"Il Portico\"", "Hotel \"Il Castello\"", "Trattoria \"Da Peppe\"",
        "Pasticceria \"Dolce Molise\"",
    ];

    public static readonly string[] Words =
    [
        "Edilizia", "Costruzioni", "Impianti", "Trasporti", "Servizi", "Sapori", "Ristorazione", "Informatica",
        "Consulenze", "Immobiliare", "Agricola", "Caseificio", "Panificio", "Oleificio", "Cantina", "Tecnologie",
        "Energia", "Logistica", "Arredamenti", "Qualità", "Attività Commerciali", "Termoidraulica",
    ];

    public static readonly string[] Places =
    [
        "del Molise", "Matese", "Adriatica", "Sannita", "Frentana", "del Biferno", "del Volturno", "Pentra",
        "Bifernina", "Trignina", "Sud", "Italia", "Centro", "Nuova", "Moderna", "Verde", "San Giorgio", "San Pietro",
        "Castello", "Monforte", "Città Futura", "dell'Alto Molise",
    ];

    /// <summary>Complete stems with accents and apostrophes.</summary>
    public static readonly string[] Specials =
    [
        "Caffè d'Italia", "Società Agricola Monte Mileto", "Qualità e Servizi", "Più Energia", "Città del Gusto",
        "L'Arte del Legno", "Sant'Elena Costruzioni", "Perché No", "Caffè del Corso", "Novità Moda",
    ];

    /// <summary>Second parts of the rare names with a semicolon.</summary>
    public static readonly string[] SemicolonTails = ["Bottega e Cucina", "Colori e Vernici", "Vendita e Assistenza"];

    public static readonly string[] InnovativeWords =
        ["Digital Lab", "Data Science", "BioTech", "Smart Farming", "Robotica", "Green Energy", "Cyber Security"];
}
