using System.Text;

namespace Pipeline.Samples.Hostile;

/// <summary>
/// The .xlsx samples with one package part damaged at a time: the part left out, its XML cut in the middle (the zip
/// itself sound), or its content replaced by bytes that are not XML; and the zip's own structures damaged (the central
/// directory's signature, a local header's compressed size).
/// </summary>
public static class BrokenZipEntries
{
    public static IEnumerable<HostileFile> Make(IReadOnlyList<SampleSource> sources)
    {
        foreach (var source in sources.Where(s => s.Extension == ".xlsx"))
        {
            foreach (var part in ZipParts.Names(source.Bytes))
            {
                var label = part.Replace('/', '_').Replace('.', '_').Replace('[', '_').Replace(']', '_');
                yield return Damaged(source, $"without-{label}", ZipParts.Rewrite(source.Bytes, (name, _, _) => name != part));
                yield return Damaged(source, $"cut-{label}", ZipParts.Rewrite(source.Bytes, (name, bytes, output) =>
                {
                    output.Write(name == part ? bytes[..(bytes.Length / 2)] : bytes);
                    return true;
                }));
                yield return Damaged(source, $"garbage-{label}", ZipParts.Rewrite(source.Bytes, (name, bytes, output) =>
                {
                    output.Write(name == part ? Encoding.ASCII.GetBytes("\u0001\u0002PK garbage, not XML \u00ff") : bytes);
                    return true;
                }));
            }
            yield return Damaged(source, "central-directory-signature", Patch(source.Bytes, [0x50, 0x4B, 0x01, 0x02], "XXXX"u8.ToArray()));
            yield return Damaged(source, "end-of-directory-signature", Patch(source.Bytes, [0x50, 0x4B, 0x05, 0x06], "XXXX"u8.ToArray()));
            var sizes = (byte[])source.Bytes.Clone();
            sizes[18] = 0xFF; sizes[19] = 0xFF; sizes[20] = 0xFF; sizes[21] = 0x7F; // first local header: compressed size
            yield return Damaged(source, "local-header-size", sizes);
        }
    }

    private static HostileFile Damaged(SampleSource source, string suffix, byte[] bytes) =>
        HostileFile.Of(HostileFile.Named("zip", source.Name, suffix), HostileKinds.BrokenZipEntry, source.Name, bytes);

    /// <summary>Every occurrence of <paramref name="find"/> replaced by <paramref name="with"/> (same length).</summary>
    private static byte[] Patch(byte[] bytes, byte[] find, byte[] with)
    {
        var copy = (byte[])bytes.Clone();
        var span = copy.AsSpan();
        for (var at = span.IndexOf(find); at >= 0;)
        {
            with.CopyTo(span[at..]);
            var next = span[(at + 1)..].IndexOf(find);
            at = next < 0 ? -1 : at + 1 + next;
        }
        return copy;
    }
}
