namespace Pipeline.Samples.Hostile;

/// <summary>Each good file with a run of bytes set to zero (a sparse copy, a torn write): 16, 512 or 8,192 bytes at fixed places.</summary>
public static class ZeroedRanges
{
    private static readonly (int PerMille, int Length)[] Ranges = [(0, 16), (100, 512), (300, 16), (500, 8192), (700, 512), (950, 8192)];

    public static IEnumerable<HostileFile> Make(IReadOnlyList<SampleSource> sources)
    {
        foreach (var source in sources)
            foreach (var (perMille, length) in Ranges)
            {
                var bytes = (byte[])source.Bytes.Clone();
                var from = (int)((long)bytes.Length * perMille / 1000);
                Array.Clear(bytes, from, Math.Min(length, bytes.Length - from));
                yield return HostileFile.Of(HostileFile.Named("zeroed", source.Name, $"{length}-at-{perMille}-permille"), HostileKinds.ZeroedRange, source.Name, bytes);
            }
    }
}
