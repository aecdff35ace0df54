using Pipeline.Core.Feeds;

namespace Pipeline.Extraction.Feeds;

/// <summary>
/// Turns the cells of one record into a <see cref="PracticeRow"/> or a <see cref="CompanyRow"/>, or into the reason
/// it cannot be read: every problem of the record, joined with "; ". Columns are named in reasons by their first
/// configured synonym.
/// </summary>
internal sealed class FeedRowParser(FeedHeaderConfig config, string salt)
{
    private readonly string[] _practiceNames = Enum.GetValues<PracticeColumn>().Select(config.NameOf).ToArray();
    private readonly string[] _companyNames = Enum.GetValues<CompanyColumn>().Select(config.NameOf).ToArray();

    /// <summary>A practice from its cells (<paramref name="cell"/> gives "" for a column the file does not have).</summary>
    public PracticeRow? Practice(long rowNumber, Func<PracticeColumn, string> cell, out string? reason)
    {
        List<string>? problems = null;
        string Name(PracticeColumn c) => _practiceNames[(int)c];

        var protocol = FeedValues.Text(cell(PracticeColumn.Protocol));
        if (protocol is null) Add(ref problems, $"empty {Name(PracticeColumn.Protocol)}");

        var registeredText = cell(PracticeColumn.Registered);
        var registeredOk = FeedValues.TryDate(registeredText, Name(PracticeColumn.Registered), out var registered, out var error);
        Add(ref problems, error);
        if (registeredOk && registered is null) Add(ref problems, $"empty {Name(PracticeColumn.Registered)}");

        var processedText = cell(PracticeColumn.Processed);
        var processedOk = FeedValues.TryDate(processedText, Name(PracticeColumn.Processed), out var processed, out error);
        Add(ref problems, error);

        var statusOk = FeedValues.TryPracticeStatus(cell(PracticeColumn.Status), Name(PracticeColumn.Status), out var status, out error);
        Add(ref problems, error);

        FeedValues.TryDays(cell(PracticeColumn.SuspensionDays), Name(PracticeColumn.SuspensionDays), out var days, out error);
        Add(ref problems, error);

        if (statusOk && status == PracticeStatus.Evasa && processedOk && processed is null)
            Add(ref problems, $"EVASA without {Name(PracticeColumn.Processed)}");
        if (registered is { } from && processed is { } to && to < from)
            Add(ref problems, $"{Name(PracticeColumn.Processed)} {processedText.Trim()} before {Name(PracticeColumn.Registered)} {registeredText.Trim()}");

        reason = problems is null ? null : string.Join("; ", problems);
        if (problems is not null) return null;
        return new PracticeRow(
            rowNumber,
            protocol!,
            registered!.Value,
            processed,
            status,
            FeedValues.Text(cell(PracticeColumn.Fulfilment)),
            days,
            FeedValues.Text(cell(PracticeColumn.Office)),
            FeedValues.Text(cell(PracticeColumn.Chamber)));
    }

    /// <summary>
    /// A company from its cells. A person's codice fiscale becomes a salted hash and a sole proprietorship's name
    /// (or the name of a company whose codice fiscale is a person's) is dropped.
    /// </summary>
    public CompanyRow? Company(long rowNumber, Func<CompanyColumn, string> cell, out string? reason)
    {
        List<string>? problems = null;
        string Name(CompanyColumn c) => _companyNames[(int)c];

        var status = FeedValues.Text(cell(CompanyColumn.Status))?.ToUpperInvariant();
        if (status is null) Add(ref problems, $"empty {Name(CompanyColumn.Status)}");

        DateOnly? Date(CompanyColumn column)
        {
            FeedValues.TryDate(cell(column), Name(column), out var date, out var error);
            Add(ref problems, error);
            return date;
        }
        var registered = Date(CompanyColumn.Registered);
        var ceased = Date(CompanyColumn.Ceased);
        var sectionRegistered = Date(CompanyColumn.SectionRegistered);
        var drawerActivated = Date(CompanyColumn.DrawerActivated);

        FeedValues.TryFlag(cell(CompanyColumn.Drawer), Name(CompanyColumn.Drawer), out var drawer, out var flagError);
        Add(ref problems, flagError);

        reason = problems is null ? null : string.Join("; ", problems);
        if (problems is not null) return null;

        var taxCode = FeedValues.Text(cell(CompanyColumn.TaxCode));
        var legalForm = FeedValues.Text(cell(CompanyColumn.LegalForm));
        var personal = PersonalData.IsSoleProprietorship(legalForm) || PersonalData.IsPersonTaxCode(taxCode);
        return new CompanyRow(
            rowNumber,
            FeedValues.Text(cell(CompanyColumn.Province)),
            FeedValues.Text(cell(CompanyColumn.Rea)),
            PersonalData.TaxCodeKey(salt, taxCode),
            personal ? null : FeedValues.Text(cell(CompanyColumn.Name)),
            legalForm,
            status!,
            registered,
            ceased,
            FeedValues.Text(cell(CompanyColumn.Ateco)),
            FeedValues.Text(cell(CompanyColumn.Section))?.ToUpperInvariant(),
            sectionRegistered,
            drawer,
            drawerActivated);
    }

    private static void Add(ref List<string>? problems, string? problem)
    {
        if (problem is null) return;
        (problems ??= []).Add(problem);
    }
}
