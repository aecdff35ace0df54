using Pipeline.Jobs.Feeds;

namespace Pipeline.Jobs.Tests.Feeds;

public sealed class FeedSaltTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pipeline-salt-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Chambers_starting_at_once_all_get_the_one_salt_made_by_the_first()
    {
        // the nightly run of each chamber resolves the salt as it starts; with chambers in parallel they race to make it
        for (var round = 0; round < 20; round++)
        {
            var dir = Path.Combine(_dir, round.ToString());
            using var start = new Barrier(16);
            var salts = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
            {
                start.SignalAndWait();
                return FeedSalt.InFolder(dir);
            })));
            Assert.Single(salts.Distinct());
            Assert.Equal(64, salts[0].Length);
            Assert.Equal(salts[0], File.ReadAllText(Path.Combine(dir, "feed-salt")));
            Assert.Equal(["feed-salt"], Directory.GetFiles(dir).Select(Path.GetFileName));   // no temporary file left
        }
    }

    [Fact]
    public void A_salt_file_without_a_usable_salt_is_refused_with_one_line()
    {
        File.WriteAllText(Path.Combine(_dir, "feed-salt"), "short\n");
        var error = Assert.Throws<InvalidOperationException>(() => FeedSalt.InFolder(_dir));
        Assert.Contains("feed-salt holds no usable salt", error.Message);
        Assert.Contains(FeedSalt.Variable, error.Message);
    }
}
