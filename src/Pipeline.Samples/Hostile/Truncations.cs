namespace Pipeline.Samples.Hostile;

/// <summary>Each good file cut short (a download or copy that stopped): after its first byte and at fixed fractions of its length.</summary>
public static class Truncations
{
    private static readonly int[] PerMille = [1, 20, 100, 250, 400, 500, 600, 750, 900, 990];

    public static IEnumerable<HostileFile> Make(IReadOnlyList<SampleSource> sources)
    {
        foreach (var source in sources)
        {
            yield return HostileFile.Of(HostileFile.Named("truncated", source.Name, "first-byte"), HostileKinds.Truncation, source.Name, source.Bytes[..1]);
            foreach (var perMille in PerMille)
            {
                var length = (int)((long)source.Bytes.Length * perMille / 1000);
                yield return HostileFile.Of(HostileFile.Named("truncated", source.Name, $"at-{perMille}-permille"),
                    HostileKinds.Truncation, source.Name, source.Bytes[..length]);
            }
        }
    }
}
