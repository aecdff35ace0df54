using Pipeline.Core.Feeds;
using Pipeline.Core.Text;

namespace Pipeline.Extraction.Feeds;

/// <summary>
/// The kind of a feed and where its columns are, recognised from the header row: a practice export when it has the
/// protocol, registration date and state columns; a company list when it has the company state and another company
/// column. Once recognised, every required column of the kind must be there.
/// </summary>
internal sealed record FeedLayout(FeedKind Kind, IReadOnlyDictionary<PracticeColumn, int> Practices, IReadOnlyDictionary<CompanyColumn, int> Companies)
{
    /// <summary>How many header cells are a known synonym of either kind (to choose the separator).</summary>
    public static int KnownColumns(IReadOnlyList<string> header, FeedHeaderConfig config) =>
        header.Count(h => config.PracticeSynonyms.TryMatch(h, out _) || config.CompanySynonyms.TryMatch(h, out _));

    /// <summary>The layout of a header row, or null with the reason (one line) why it is not a feed header.</summary>
    public static FeedLayout? Recognise(IReadOnlyList<string> header, FeedHeaderConfig config, out string? error)
    {
        error = null;
        var practices = config.PracticeSynonyms.Locate(header);
        var companies = config.CompanySynonyms.Locate(header);

        var isPractices = practices.ContainsKey(PracticeColumn.Protocol) && practices.ContainsKey(PracticeColumn.Registered)
            && practices.ContainsKey(PracticeColumn.Status);
        var isCompanies = !isPractices && companies.ContainsKey(CompanyColumn.Status) && companies.Keys.Any(c => c != CompanyColumn.Status);

        var missingPractices = FeedHeaderConfig.RequiredPracticeColumns.Where(c => !practices.ContainsKey(c)).Select(config.NameOf).ToList();
        var missingCompanies = FeedHeaderConfig.RequiredCompanyColumns.Where(c => !companies.ContainsKey(c)).Select(config.NameOf).ToList();

        if (isPractices && missingPractices.Count == 0) return new FeedLayout(FeedKind.Practices, practices, companies);
        if (isCompanies && missingCompanies.Count == 0) return new FeedLayout(FeedKind.Companies, practices, companies);

        var columns = Columns(header);
        if (practices.Count == 0 && companies.Count == 0)
        {
            error = $"no header row recognised: no known column (a practice export needs {Quoted(FeedHeaderConfig.RequiredPracticeColumns.Select(config.NameOf))}, "
                + $"a company list {Quoted(FeedHeaderConfig.RequiredCompanyColumns.Select(config.NameOf))}; columns: {columns})";
            return null;
        }

        // The closest kind: the one recognised, else the one with the larger share of its required columns, then
        // with more known columns.
        bool closestIsPractices;
        if (isPractices || isCompanies)
        {
            closestIsPractices = isPractices;
        }
        else
        {
            var practiceShare = 1.0 - (double)missingPractices.Count / FeedHeaderConfig.RequiredPracticeColumns.Count;
            var companyShare = 1.0 - (double)missingCompanies.Count / FeedHeaderConfig.RequiredCompanyColumns.Count;
            closestIsPractices = practiceShare != companyShare ? practiceShare > companyShare : practices.Count >= companies.Count;
        }
        var missing = closestIsPractices ? missingPractices : missingCompanies;
        var kind = closestIsPractices ? "practice export" : "company list";
        var noun = missing.Count == 1 ? "column" : "columns";
        error = $"no header row recognised: missing required {noun} {Quoted(missing)} for a {kind} (columns: {columns})";
        return null;
    }

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    /// <summary>The header cells on one line, cut to a readable length.</summary>
    private static string Columns(IReadOnlyList<string> header)
    {
        var text = string.Join(" | ", header.Select(TextKey.Clean));
        return text.Length <= 200 ? text : text[..200] + "…";
    }
}
