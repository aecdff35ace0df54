using System.Text;
using CsvHelper;
using Pipeline.Core.Feeds;
using Pipeline.Core.Text;

namespace Pipeline.Extraction.Feeds;

/// <summary>
/// Reads a registry feed (a Priamo-style practice export or an InfoCamere-style company list, CSV/TSV) one record at
/// a time. <see cref="Open"/> detects the encoding (UTF-8 with or without a byte order mark, else Windows-1252), the
/// separator (<c>;</c>, <c>,</c> or tab: the one whose header row has the most known columns, then the most columns)
/// and, from the header, the <see cref="Kind"/> of feed. <see cref="Practices"/> or <see cref="Companies"/> then
/// stream the rows: a record that cannot be read (wrong number of fields, broken quoting, an invalid value) is
/// passed to the quarantine callback as one <see cref="FeedRowError"/> and reading goes on, so rows in = rows
/// yielded + rows quarantined. Row numbers are the 1-based line where a record starts (the header is line 1).
/// Quoting follows RFC 4180 (a quoted field may hold separators and line breaks); spaces around a field are dropped
/// and blank lines skipped. Memory stays bounded whatever the input (<see cref="FeedLimits"/>): a record with a field
/// longer than 64 KiB is quarantined, and only a record longer than 4 MiB (an unclosed quote, a file with no line
/// breaks) stops the reading, with an <see cref="ExtractionException"/>.
/// </summary>
public sealed class FeedReader : IDisposable
{
    private readonly string _path;
    private readonly FeedLayout _layout;
    private readonly FeedHeaderConfig _config;
    private readonly FeedRowParser _parser;
    private readonly List<FeedRowError> _pending = [];
    private CsvReader? _csv;
    private Action<FeedRowError>? _quarantine;
    private bool _headerRead;
    private bool _started;
    private CsvMalformedRecord? _badHeader;

    private FeedReader(string path, FeedEncoding encoding, char delimiter, FeedLayout layout, FeedHeaderConfig config, string salt)
    {
        _path = path;
        _layout = layout;
        _config = config;
        _parser = new FeedRowParser(config, salt);
        EncodingName = encoding.Name;
        Delimiter = delimiter;
    }

    /// <summary>Practices or companies, recognised from the header.</summary>
    public FeedKind Kind => _layout.Kind;

    /// <summary>"utf-8-bom", "utf-8" or "windows-1252".</summary>
    public string EncodingName { get; }

    /// <summary>The field separator: ';', ',' or '\t'.</summary>
    public char Delimiter { get; }

    /// <summary>The header row as printed.</summary>
    public IReadOnlyList<string> Header { get; private set; } = [];

    /// <summary>The data records read so far, good and bad.</summary>
    public long RowsRead { get; private set; }

    /// <summary>The records passed to the quarantine callback so far.</summary>
    public long RowsQuarantined { get; private set; }

    /// <summary>
    /// The header name of each column role a metric may need that this feed lacks (<see cref="FeedMetric.Columns"/>:
    /// role names such as <c>Drawer</c>), or empty when the feed has them all.
    /// </summary>
    public IReadOnlyList<string> MissingColumns(IEnumerable<string> roles)
    {
        var missing = new List<string>();
        foreach (var role in roles)
        {
            if (_layout.Kind == FeedKind.Companies && Enum.TryParse<CompanyColumn>(role, out var company))
            {
                if (!_layout.Companies.ContainsKey(company)) missing.Add(_config.NameOf(company));
            }
            else if (_layout.Kind == FeedKind.Practices && Enum.TryParse<PracticeColumn>(role, out var practice))
            {
                if (!_layout.Practices.ContainsKey(practice)) missing.Add(_config.NameOf(practice));
            }
            else missing.Add(role);
        }
        return missing;
    }

    /// <summary>True for the file names a feed may have: .csv, .tsv or .txt.</summary>
    public static bool LooksLikeFeed(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".csv" or ".tsv" or ".txt";

    /// <summary>
    /// Opens a feed and reads its header. <paramref name="salt"/> keys the hash of personal tax codes (required, not
    /// empty, for a company list).
    /// </summary>
    /// <exception cref="ExtractionException">The file cannot be read, is empty, has no recognisable separator or header
    /// row, or its header row has broken quoting.</exception>
    public static FeedReader Open(string path, FeedHeaderConfig config, string salt)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(salt);
        try
        {
            var encoding = FeedEncoding.Detect(path) ?? throw new ExtractionException(path, "empty file");
            var (delimiter, header) = FeedSeparator.Detect(path, encoding, config);
            var layout = FeedLayout.Recognise(header, config, out var error) ?? throw new ExtractionException(path, error!);
            if (layout.Kind == FeedKind.Companies && salt.Length == 0)
                throw new ArgumentException("a company list needs a non-empty salt to hash personal tax codes", nameof(salt));

            var reader = new FeedReader(path, encoding, delimiter, layout, config, salt);
            try
            {
                reader.Start(encoding, header);
                return reader;
            }
            catch
            {
                reader.Dispose();
                throw;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ExtractionException(path, "cannot read the file: " + ex.Message, ex);
        }
    }

    /// <summary>Streams the practices of a practice export; each unreadable record goes to <paramref name="quarantine"/>.</summary>
    /// <exception cref="InvalidOperationException">The file is a company list, or its rows have already been read.</exception>
    /// <exception cref="ExtractionException">While enumerating: a record longer than 4 MiB (an unclosed quote).</exception>
    public IEnumerable<PracticeRow> Practices(Action<FeedRowError> quarantine)
    {
        BeginRows(FeedKind.Practices, quarantine);
        return ReadPractices();
    }

    /// <summary>Streams the companies of a company list; each unreadable record goes to <paramref name="quarantine"/>.</summary>
    /// <exception cref="InvalidOperationException">The file is a practice export, or its rows have already been read.</exception>
    /// <exception cref="ExtractionException">While enumerating: a record longer than 4 MiB (an unclosed quote).</exception>
    public IEnumerable<CompanyRow> Companies(Action<FeedRowError> quarantine)
    {
        BeginRows(FeedKind.Companies, quarantine);
        return ReadCompanies();
    }

    public void Dispose()
    {
        _csv?.Dispose();
        _csv = null;
    }

    private void BeginRows(FeedKind kind, Action<FeedRowError> quarantine)
    {
        ArgumentNullException.ThrowIfNull(quarantine);
        ObjectDisposedException.ThrowIf(_csv is null, this);
        if (Kind != kind)
            throw new InvalidOperationException(
                $"{Path.GetFileName(_path)} is a {Kind.ToCode()} feed: read it with {(Kind == FeedKind.Practices ? nameof(Practices) : nameof(Companies))}()");
        if (_started) throw new InvalidOperationException($"the rows of {Path.GetFileName(_path)} have already been read");
        _started = true;
        _quarantine = quarantine;
    }

    private IEnumerable<PracticeRow> ReadPractices()
    {
        var columns = ColumnIndexes(_layout.Practices);
        string Cell(PracticeColumn c) => CellAt(columns[(int)c]);
        Func<PracticeColumn, string> cell = Cell;
        foreach (var line in Records())
        {
            if (FeedLimits.FieldTooLong(_csv!, Header) is { } tooLong) QuarantineCurrent(line, tooLong);
            else if (_parser.Practice(line, cell, out var reason) is { } row) yield return row;
            else QuarantineCurrent(line, reason!);
        }
    }

    private IEnumerable<CompanyRow> ReadCompanies()
    {
        var columns = ColumnIndexes(_layout.Companies);
        string Cell(CompanyColumn c) => CellAt(columns[(int)c]);
        Func<CompanyColumn, string> cell = Cell;
        foreach (var line in Records())
        {
            if (FeedLimits.FieldTooLong(_csv!, Header) is { } tooLong) QuarantineCurrent(line, tooLong);
            else if (_parser.Company(line, cell, out var reason) is { } row) yield return row;
            else QuarantineCurrent(line, reason!);
        }
    }

    /// <summary>Moves to each well-formed record and yields the line it starts on; malformed ones are quarantined.</summary>
    private IEnumerable<long> Records()
    {
        foreach (var error in _pending) Quarantine(error);
        _pending.Clear();
        while (true)
        {
            var csv = _csv ?? throw new ObjectDisposedException(nameof(FeedReader));
            bool more;
            try
            {
                more = csv.Read();
            }
            catch (CsvFormatException ex)
            {
                var where = ex.LineNumber > 0 ? $"line {ex.LineNumber}: " : "";
                throw new ExtractionException(_path, $"{where}{FeedLimits.RecordTooLong}", ex);
            }
            if (!more) yield break;
            RowsRead++;
            yield return csv.LineNumber;
        }
    }

    private string CellAt(int index) => index < 0 ? "" : PrintableText.Of(_csv!.GetString(index));

    private static int[] ColumnIndexes<TColumn>(IReadOnlyDictionary<TColumn, int> located) where TColumn : struct, Enum
    {
        var values = Enum.GetValues<TColumn>();
        var indexes = new int[values.Length];
        foreach (var column in values)
            indexes[Convert.ToInt32(column, System.Globalization.CultureInfo.InvariantCulture)] = located.TryGetValue(column, out var i) ? i : -1;
        return indexes;
    }

    /// <summary>Quarantines the current (well-formed) record; a record of blank fields only is called empty.</summary>
    private void QuarantineCurrent(long line, string reason)
    {
        var csv = _csv!;
        var blank = true;
        for (var i = 0; i < csv.FieldCount && blank; i++) blank = csv.IsEmpty(i) || string.IsNullOrWhiteSpace(csv.GetString(i));
        Quarantine(new FeedRowError(line, blank ? "empty record" : reason, FeedLimits.RawText(csv.RawRecord)));
    }

    private void Quarantine(FeedRowError error)
    {
        RowsQuarantined++;
        _quarantine!(error);
    }

    /// <summary>Called by CsvHelper, inside Read, for every record it skips (broken quoting, wrong field count).</summary>
    private void OnMalformed(CsvMalformedRecord record)
    {
        if (!_headerRead && record.RecordNumber <= 1)
        {
            _badHeader ??= record;
            return;
        }
        var error = new FeedRowError(record.LineNumber, Describe(record), FeedLimits.Cut(record.RawRecord.TrimEnd('\r', '\n')));
        RowsRead++;
        if (_quarantine is null) _pending.Add(error);
        else Quarantine(error);
    }

    private string Describe(CsvMalformedRecord record) => record.Reason switch
    {
        CsvMalformedReason.FieldCountMismatch => $"wrong number of fields: {FieldCount(record.RawRecord)} instead of {Header.Count}",
        CsvMalformedReason.StrayQuote => "broken quoting: a quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "broken quoting: text after the closing quote of a field",
        CsvMalformedReason.UnterminatedQuote => "broken quoting: a quoted field is never closed",
        _ => $"malformed record ({record.Reason})",
    };

    /// <summary>The number of fields of one raw record (only for the message of a field count mismatch).</summary>
    private int FieldCount(string raw)
    {
        using var one = CsvReader.FromText(raw, CsvReaderOptions.Default with { Separator = Delimiter, HasHeader = false, DetectSeparatorHint = false });
        return one.Read() ? one.FieldCount : 0;
    }

    private void Start(FeedEncoding encoding, IReadOnlyList<string> sniffedHeader)
    {
        var options = Options(encoding, Delimiter) with
        {
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = OnMalformed,
            TrackLineNumbers = true,
            MaxRecordSize = FeedLimits.MaxRecordBytes,
        };
        _csv = CsvReader.FromFile(_path, options);
        try
        {
            Header = [.. _csv.Headers];
        }
        catch (CsvFormatException ex)
        {
            throw new ExtractionException(_path, "the header row cannot be read: " + ex.Message, ex);
        }
        _headerRead = true;
        if (_badHeader is { } bad)
            throw new ExtractionException(_path, $"the header row has {Describe(bad)}");
        if (!Header.SequenceEqual(sniffedHeader))
            throw new ExtractionException(_path, "the header row has broken quoting");
    }

    internal static CsvReaderOptions Options(FeedEncoding encoding, char separator) => CsvReaderOptions.Default with
    {
        Separator = separator,
        HasHeader = true,
        Mode = CsvMode.Rfc4180,
        AllowLineBreaksInQuotes = true,
        SkipEmptyLines = true,
        // Spaces around a field (padded exports, a space before an opening quote) are not part of it.
        TrimWhitespace = true,
        WhitespaceCharacters = " ",
        DetectSeparatorHint = false,
        Encoding = encoding.ReaderEncoding,
        MissingField = CsvMissingFieldHandling.ReturnEmpty,
        IncludeValuesInExceptions = false,
    };
}
