using System.Text;

namespace Pipeline.Samples.Hostile;

/// <summary>
/// Feeds that test the reader's bounds: a row of 1,000 fields, a header of 1,000 fields, rows with one field longer than
/// the field cap (100 KB and 3 MB: under the record cap), and one line of 50 MB with no line break at all, written
/// streaming (never held in memory).
/// </summary>
public static class CsvExtremes
{
    /// <summary>The size of the one-line file: 50 MB.</summary>
    public const long LongLineBytes = 50L * 1024 * 1024;

    public static IEnumerable<HostileFile> Make(IReadOnlyList<SampleSource> sources)
    {
        var practices = sources.First(s => s.Extension == ".csv" && s.Name.StartsWith("pratiche", StringComparison.Ordinal));
        var lines = Encoding.Latin1.GetString(practices.Bytes).Split("\r\n").Take(200).ToList();
        HostileFile Csv(string kind, string suffix, IEnumerable<string> text) =>
            HostileFile.Of(HostileFile.Named("extreme", practices.Name, suffix), kind, practices.Name,
                Encoding.Latin1.GetBytes(string.Join("\r\n", text) + "\r\n"));

        var wide = string.Join(';', Enumerable.Range(1, 1000).Select(i => $"campo {i}"));
        yield return Csv(HostileKinds.WideRowCsv, "row-of-1000-fields", lines.Take(50).Append(wide).Concat(lines.Skip(50)));
        yield return Csv(HostileKinds.WideRowCsv, "header-of-1000-fields", lines.Skip(1).Prepend(lines[0] + ";" + wide));
        yield return Csv(HostileKinds.LongFieldCsv, "field-of-100-kb", lines.Select((l, i) => i == 20 ? l.Replace(";Campobasso;", $";{new string('C', 100_000)};") : l));
        yield return Csv(HostileKinds.LongFieldCsv, "field-of-3-mb", lines.Select((l, i) => i == 30 ? l.Replace(";Isernia;", $";{new string('I', 3_000_000)};").Replace(";Campobasso;", $";{new string('C', 3_000_000)};") : l));
        yield return new HostileFile(HostileFile.Named("extreme", practices.Name, "one-line-of-50-mb"), HostileKinds.LongLineCsv, practices.Name,
            output => WriteLongLine(output, lines[1]));
    }

    /// <summary>One record's text repeated, separated by ';', to <see cref="LongLineBytes"/>: no line break anywhere.</summary>
    private static void WriteLongLine(Stream output, string record)
    {
        var chunk = Encoding.Latin1.GetBytes(string.Concat(Enumerable.Repeat(record + ";", 1024)));
        long written = 0;
        while (written < LongLineBytes)
        {
            var n = (int)Math.Min(chunk.Length, LongLineBytes - written);
            output.Write(chunk, 0, n);
            written += n;
        }
    }
}
