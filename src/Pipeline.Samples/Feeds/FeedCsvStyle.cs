namespace Pipeline.Samples.Feeds;

/// <summary>
/// How a synthetic registry feed is written: the field <paramref name="Delimiter"/>, the <paramref name="Encoding"/>
/// ("utf-8", "utf-8-bom" or "windows-1252"), whether Data protocollo carries a time of day ("12/03/2021 09:41";
/// practice feeds only) and whether every field is quoted (<paramref name="Quoted"/>) or only those holding the
/// delimiter, a quote or a line break. Lines end with "\r\n" in every style.
/// </summary>
public sealed record FeedCsvStyle(char Delimiter, string Encoding, bool WithTimes, bool Quoted)
{
    /// <summary>UTF-8 without a byte order mark.</summary>
    public const string Utf8 = "utf-8";

    /// <summary>UTF-8 starting with the byte order mark EF BB BF.</summary>
    public const string Utf8Bom = "utf-8-bom";

    /// <summary>Windows-1252 (one byte per character; 'à' is 0xE0).</summary>
    public const string Windows1252 = "windows-1252";

    /// <summary>A Priamo practice export: ';', Windows-1252, a time on Data protocollo, quotes only where needed.</summary>
    public static FeedCsvStyle Priamo { get; } = new(';', Windows1252, WithTimes: true, Quoted: false);

    /// <summary>An InfoCamere company list: ';', UTF-8 with a byte order mark, no times, quotes only where needed.</summary>
    public static FeedCsvStyle InfoCamere { get; } = new(';', Utf8Bom, WithTimes: false, Quoted: false);
}
