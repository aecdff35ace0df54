namespace Pipeline.Samples.Hostile;

/// <summary>
/// One malformed input of the hostile corpus: where it goes under the corpus folder ('/'-separated), the kind of damage
/// (<see cref="HostileKinds"/>), the sample it was made from, and how its bytes are written (to a stream, so the large
/// ones are never held in memory).
/// </summary>
public sealed record HostileFile(string Path, string Kind, string Source, Action<Stream> Write)
{
    /// <summary>A file whose bytes are small enough to be made up front.</summary>
    public static HostileFile Of(string path, string kind, string source, byte[] bytes) => new(path, kind, source, s => s.Write(bytes));

    /// <summary>Path with the file's extension replaced: "folder/name-suffix.ext".</summary>
    internal static string Named(string folder, string source, string suffix, string? extension = null) =>
        $"{folder}/{System.IO.Path.GetFileNameWithoutExtension(source)}-{suffix}{extension ?? System.IO.Path.GetExtension(source)}";
}

/// <summary>The kinds of damage of the hostile corpus, one generator class each.</summary>
public static class HostileKinds
{
    public const string Truncation = "truncation";
    public const string ByteFlip = "byte-flip";
    public const string ZeroedRange = "zeroed-range";
    public const string BrokenZipEntry = "broken-zip-entry";
    public const string WrongExtension = "wrong-extension";
    public const string BadCsv = "bad-csv";
    public const string WideRowCsv = "wide-row-csv";
    public const string LongFieldCsv = "long-field-csv";
    public const string LongLineCsv = "long-line-csv";
    public const string BrokenPdf = "broken-pdf";
    public const string OddName = "odd-name";
    public const string DeepFolder = "deep-folder";
    public const string ZipBomb = "zip-bomb";
    public const string HugeSharedStrings = "huge-shared-strings";

    public static IReadOnlyList<string> All { get; } =
    [
        Truncation, ByteFlip, ZeroedRange, BrokenZipEntry, WrongExtension, BadCsv, WideRowCsv, LongFieldCsv, LongLineCsv,
        BrokenPdf, OddName, DeepFolder, ZipBomb, HugeSharedStrings,
    ];
}
