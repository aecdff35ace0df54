namespace Pipeline.Core.Feeds;

/// <summary>The kinds of registry feed: a Priamo-style practice export, an InfoCamere-style company list.</summary>
public enum FeedKind
{
    Practices,
    Companies,
}

public static class FeedKinds
{
    /// <summary>"practices" / "companies": the code used in config, lineage and the CLI.</summary>
    public static string ToCode(this FeedKind kind) => kind.ToString().ToLowerInvariant();
}

/// <summary>The state of a practice (Stato): EVASA, SOSPESA, RESPINTA, ANNULLATA, IN LAVORAZIONE.</summary>
public enum PracticeStatus
{
    Evasa,
    Sospesa,
    Respinta,
    Annullata,
    InLavorazione,
}

/// <summary>
/// One practice of a Priamo-style export, as read: <see cref="RowNumber"/> is the 1-based line of the record in
/// the file (the header is line 1), the dates are the calendar days printed (a time of day, when given, is
/// dropped), <see cref="SuspensionDays"/> is 0 when the cell is empty.
/// </summary>
public sealed record PracticeRow(
    long RowNumber,
    string Protocol,
    DateOnly Registered,
    DateOnly? Processed,
    PracticeStatus Status,
    string? Fulfilment,
    int SuspensionDays,
    string? Office,
    string? Chamber);

/// <summary>
/// One company of an InfoCamere-style list, as read. Personal data never reaches this record in clear:
/// <see cref="TaxCodeKey"/> is a company's 11-digit codice fiscale as printed, or a salted hash of a person's
/// 16-character one; <see cref="Name"/> is null for a sole proprietorship (its name is a person's name).
/// <see cref="Status"/> and <see cref="Section"/> are upper-case and trimmed ("ATTIVA", "START-UP INNOVATIVA").
/// </summary>
public sealed record CompanyRow(
    long RowNumber,
    string? Province,
    string? ReaNumber,
    string? TaxCodeKey,
    string? Name,
    string? LegalForm,
    string Status,
    DateOnly? Registered,
    DateOnly? Ceased,
    string? Ateco,
    string? Section,
    DateOnly? SectionRegistered,
    bool DigitalDrawer,
    DateOnly? DrawerActivated)
{
    /// <summary>The latest date the row prints (registration, cessation, section, cassetto): a list is as of its latest date.</summary>
    public DateOnly? LatestDate
    {
        get
        {
            DateOnly? latest = null;
            foreach (var date in (ReadOnlySpan<DateOnly?>)[Registered, Ceased, SectionRegistered, DrawerActivated])
                if (date is { } d && (latest is null || d > latest)) latest = d;
            return latest;
        }
    }
}

/// <summary>A row that could not be read: its 1-based line in the file, why, and the raw text of the record.</summary>
public sealed record FeedRowError(long RowNumber, string Reason, string Raw);
