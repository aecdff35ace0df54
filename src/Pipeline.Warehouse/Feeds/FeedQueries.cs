using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Dapper;
using Pipeline.Core.Feeds;
using Pipeline.Core.Text;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Feeds;

/// <summary>
/// Reads what <see cref="FeedLoader"/> wrote: the staged rows of a feed file (streamed, in file order), the feed's
/// document, and the KPIs a feed measurement is configured for.
/// </summary>
public sealed class FeedQueries(SqlDialect dialect)
{
    /// <summary>The staged practices of a feed document, in file order, streamed from a data reader.</summary>
    public async IAsyncEnumerable<PracticeRow> ReadPracticesAsync(long documentId, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await dialect.OpenAsync(ct);
        await using var command = Command(connection,
            """
            SELECT row_number, protocol, registered, processed, status, fulfilment, suspension_days, office, chamber
            FROM stg_practice WHERE document_id = @documentId ORDER BY row_number
            """, documentId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            yield return new PracticeRow(
                Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture),
                reader.GetString(1),
                Date(reader, 2) ?? throw new InvalidDataException($"stg_practice row of document {documentId} has no registration date"),
                Date(reader, 3),
                FeedCodes.ParseStatus(reader.GetString(4)),
                Text(reader, 5),
                Convert.ToInt32(reader.GetValue(6), CultureInfo.InvariantCulture),
                Text(reader, 7),
                Text(reader, 8));
        }
    }

    /// <summary>The staged companies of a feed document, in file order, streamed from a data reader.</summary>
    public async IAsyncEnumerable<CompanyRow> ReadCompaniesAsync(long documentId, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await dialect.OpenAsync(ct);
        await using var command = Command(connection,
            """
            SELECT row_number, province, rea, tax_code_key, name, legal_form, status, registered, ceased, ateco, section,
                   section_registered, digital_drawer, drawer_activated
            FROM stg_company WHERE document_id = @documentId ORDER BY row_number
            """, documentId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            yield return new CompanyRow(
                Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture),
                Text(reader, 1),
                Text(reader, 2),
                Text(reader, 3),
                Text(reader, 4),
                Text(reader, 5),
                reader.GetString(6),
                Date(reader, 7),
                Date(reader, 8),
                Text(reader, 9),
                Text(reader, 10),
                Date(reader, 11),
                Flag(reader, 12),
                Date(reader, 13));
        }
    }

    /// <summary>
    /// The KPIs a feed measurement configured with <paramref name="selector"/> is for, among the KPIs of the chamber's
    /// plans whose cycle holds <paramref name="year"/>: the latest-starting such plan with any match is used. Within that
    /// plan only the best class of match is returned: the KPI code equal to the selector (case-insensitive), else the
    /// selector printed in the KPI name as a whole token (a Pareto-style code such as <c>C1.1_04</c>), else the
    /// normalised name equal to <see cref="TextKey.Normalize"/> of the selector. Empty when nothing matches.
    /// </summary>
    public async Task<IReadOnlyList<long>> FindKpisAsync(string chamberCode, string selector, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(chamberCode);
        ArgumentNullException.ThrowIfNull(selector);
        var wanted = selector.Trim();
        if (wanted.Length == 0) return [];
        var normalized = TextKey.Normalize(wanted);

        await using var connection = await dialect.OpenAsync(ct);
        var candidates = await connection.QueryAsync<KpiCandidate>(new CommandDefinition(
            """
            SELECT k.kpi_id AS KpiId, k.code AS Code, k.name AS Name, pl.plan_id AS PlanId
            FROM dim_kpi k
            JOIN dim_plan pl ON pl.plan_id = k.plan_id
            JOIN dim_chamber c ON c.chamber_id = pl.chamber_id
            WHERE c.code = @code AND pl.cycle_from <= @year AND pl.cycle_to >= @year
            ORDER BY pl.cycle_from DESC, pl.cycle_to DESC, pl.plan_id DESC, k.kpi_id
            """, new { code = chamberCode.Trim().ToUpperInvariant(), year }, cancellationToken: ct));

        foreach (var plan in candidates.GroupBy(k => k.PlanId))
        {
            var best = plan
                .Select(k => (k.KpiId, Class: MatchClass(k, wanted, normalized)))
                .Where(m => m.Class > 0)
                .ToList();
            if (best.Count == 0) continue;
            var top = best.Min(m => m.Class);
            return best.Where(m => m.Class == top).Select(m => m.KpiId).ToList();
        }
        return [];
    }

    /// <summary>The feed file <paramref name="documentId"/>; null when there is no such document or it is not a feed.</summary>
    public async Task<FeedDocumentInfo?> GetFeedDocumentAsync(long documentId, CancellationToken ct)
    {
        await using var connection = await dialect.OpenAsync(ct);
        await using var command = Command(connection,
            """
            SELECT d.document_id, d.file_name, d.file_path, d.sha256, d.family, c.code, d.logical_key, d.is_current
            FROM dim_document d JOIN dim_chamber c ON c.chamber_id = d.chamber_id
            WHERE d.document_id = @documentId AND d.doc_type = 'feed'
            """, documentId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new FeedDocumentInfo(
            Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture),
            reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6),
            Flag(reader, 7));
    }

    /// <summary>1 code, 2 token in the name, 3 normalised name, 0 no match.</summary>
    private static int MatchClass(KpiCandidate kpi, string selector, string normalizedSelector)
    {
        if (kpi.Code is { } code && string.Equals(code.Trim(), selector, StringComparison.OrdinalIgnoreCase)) return 1;
        if (ContainsToken(kpi.Name, selector)) return 2;
        if (normalizedSelector.Length > 0 && TextKey.Normalize(kpi.Name) == normalizedSelector) return 3;
        return 0;
    }

    /// <summary>
    /// True when <paramref name="token"/> occurs in <paramref name="text"/> (case-insensitive) not glued to more of a
    /// code: the characters around it are not letters, digits or '_', nor a '.', '-' or '/' that goes on with a letter or
    /// digit ("C1.1_04" is in "Tempi (C1.1_04)." but not in "C1.1_045" or "C1.1_04.2").
    /// </summary>
    private static bool ContainsToken(string text, string token)
    {
        for (var at = text.IndexOf(token, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = text.IndexOf(token, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + token.Length;
            if (!GluedBefore(text, at) && !GluedAfter(text, end)) return true;
        }
        return false;
    }

    private static bool IsCodeChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static bool IsJoiner(char c) => c is '.' or '-' or '/';

    private static bool GluedBefore(string text, int at) =>
        at > 0 && (IsCodeChar(text[at - 1]) || (IsJoiner(text[at - 1]) && at > 1 && char.IsLetterOrDigit(text[at - 2])));

    private static bool GluedAfter(string text, int end) =>
        end < text.Length && (IsCodeChar(text[end]) || (IsJoiner(text[end]) && end + 1 < text.Length && char.IsLetterOrDigit(text[end + 1])));

    private static DbCommand Command(DbConnection connection, string sql, long documentId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@documentId";
        parameter.Value = documentId;
        command.Parameters.Add(parameter);
        return command;
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>A DATE column: DateOnly / DateTime from PostgreSQL, TEXT yyyy-MM-dd from SQLite.</summary>
    private static DateOnly? Date(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal)
        ? null
        : reader.GetValue(ordinal) switch
        {
            DateOnly date => date,
            DateTime dateTime => DateOnly.FromDateTime(dateTime),
            string text => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            var other => throw new InvalidDataException($"a date column holds {other.GetType().Name}"),
        };

    /// <summary>A BOOLEAN column: bool from PostgreSQL, INTEGER 0/1 from SQLite.</summary>
    private static bool Flag(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        bool flag => flag,
        var number => Convert.ToInt64(number, CultureInfo.InvariantCulture) != 0,
    };

    private sealed class KpiCandidate
    {
        public long KpiId { get; init; }
        public string? Code { get; init; }
        public string Name { get; init; } = "";
        public long PlanId { get; init; }
    }
}
