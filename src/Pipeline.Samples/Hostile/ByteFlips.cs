namespace Pipeline.Samples.Hostile;

/// <summary>
/// Each good file with a few bytes changed at places drawn from a fixed seed (a bad disk or a lossy transfer): 1, 10 or
/// 100 bytes, each replaced by its complement.
/// </summary>
public static class ByteFlips
{
    private static readonly (int Seed, int Count)[] Draws = [(1, 1), (2, 1), (3, 10), (4, 10), (5, 10), (6, 100), (7, 100), (8, 100)];

    public static IEnumerable<HostileFile> Make(IReadOnlyList<SampleSource> sources)
    {
        foreach (var source in sources)
            foreach (var (seed, count) in Draws)
            {
                var bytes = (byte[])source.Bytes.Clone();
                var random = new Random(seed * 7919 + source.Bytes.Length);
                for (var i = 0; i < count; i++)
                {
                    var at = random.Next(bytes.Length);
                    bytes[at] = (byte)~bytes[at];
                }
                yield return HostileFile.Of(HostileFile.Named("flipped", source.Name, $"{count}-bytes-seed-{seed}"), HostileKinds.ByteFlip, source.Name, bytes);
            }
    }
}
