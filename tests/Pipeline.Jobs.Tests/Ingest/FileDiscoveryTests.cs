using Pipeline.Jobs.Ingest;

namespace Pipeline.Jobs.Tests.Ingest;

/// <summary>Folder scans on real temp folders with real symbolic links: links not followed, each file once, every skip named.</summary>
public sealed class FileDiscoveryTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pipeline-discovery-");

    public void Dispose() => _root.Delete(recursive: true);

    private string Touch(string relative, string text = "x")
    {
        var path = Path.Combine(_root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Links_to_the_folder_itself_its_parent_and_a_sibling_are_not_followed_and_each_skip_is_named()
    {
        var inbox = Path.Combine(_root.FullName, "region", "inbox");
        var piano = Touch("region/inbox/piano.pdf");
        var relazione = Touch("region/inbox/2021/relazione.pdf");
        var feed = Touch("region/inbox/pratiche.csv", "a;b\n1;2\n");
        var sibling = Touch("region/other/altro.pdf");
        var hidden = Touch("region/inbox/.nascosto.pdf");
        var lockFile = Touch("region/inbox/~$monitoraggio.xlsx");
        var noExtension = Touch("region/inbox/LEGGIMI");
        var txt = Touch("region/inbox/note.txt", "appunti, non un feed");
        var docx = Touch("region/inbox/lettera.docx");
        var self = Path.Combine(inbox, "self");
        var parent = Path.Combine(inbox, "2021", "up");
        var toSibling = Path.Combine(inbox, "other");
        Directory.CreateSymbolicLink(self, inbox);
        Directory.CreateSymbolicLink(parent, Path.Combine(_root.FullName, "region"));
        Directory.CreateSymbolicLink(toSibling, Path.Combine(_root.FullName, "region", "other"));

        var result = FileDiscovery.Expand([inbox, piano, inbox]);

        Assert.Equal([relazione, piano, feed], result.Files);
        Assert.DoesNotContain(result.Files, f => f.Contains("altro") || f.Contains("self") || f.Contains("up"));
        Assert.Empty(result.Missing);
        var reasons = result.Skipped.ToDictionary(s => s.Path, s => s.Reason);
        Assert.Equal(8, result.Skipped.Count);
        Assert.Equal(result.Skipped.Count, result.Skipped.Select(s => s.Path).Distinct().Count());
        Assert.Equal($"a link to a folder ({inbox}), not followed", reasons[self]);
        Assert.StartsWith("a link to a folder", reasons[parent]);
        Assert.StartsWith("a link to a folder", reasons[toSibling]);
        Assert.Equal("hidden file", reasons[hidden]);
        Assert.Equal("an Office lock file", reasons[lockFile]);
        Assert.StartsWith("no extension", reasons[noExtension]);
        Assert.StartsWith("a .txt file is read as a feed only when named", reasons[txt]);
        Assert.StartsWith("unknown extension '.docx'", reasons[docx]);
        Assert.DoesNotContain(sibling, reasons.Keys);
    }

    [Fact]
    public void A_txt_named_is_taken_feeds_are_skipped_by_name_without_feed_configuration_and_a_named_link_is_followed()
    {
        var txt = Touch("feeds/pratiche.txt", "a;b\n1;2\n");
        var csv = Touch("feeds/pratiche.csv", "a;b\n1;2\n");
        var hiddenFolder = Path.Combine(_root.FullName, "feeds", ".cache");
        Touch("feeds/.cache/old.pdf");
        var link = Path.Combine(_root.FullName, "link");
        Directory.CreateSymbolicLink(link, Path.Combine(_root.FullName, "feeds"));

        var named = FileDiscovery.Expand([txt]);
        Assert.Equal([txt], named.Files);

        var noFeeds = FileDiscovery.Expand([link], feeds: false);
        Assert.Empty(noFeeds.Files);
        var reasons = noFeeds.Skipped.ToDictionary(s => Path.GetFileName(s.Path), s => s.Reason);
        Assert.Equal("a feed, and no feed configuration is loaded", reasons["pratiche.csv"]);
        Assert.Equal("hidden folder, not searched", reasons[".cache"]);
        Assert.DoesNotContain(noFeeds.Skipped, s => s.Path.EndsWith("old.pdf"));
        Assert.Equal([Path.Combine(link, "pratiche.csv")], FileDiscovery.Expand([link]).Files);
        _ = (csv, hiddenFolder);
    }

    [Fact]
    public void A_folder_that_cannot_be_read_and_a_broken_file_link_are_named()
    {
        var dangling = Path.Combine(_root.FullName, "in", "sparito.pdf");
        Touch("in/ok.pdf");
        File.CreateSymbolicLink(dangling, Path.Combine(_root.FullName, "nowhere.pdf"));

        var result = FileDiscovery.Expand([Path.Combine(_root.FullName, "in"), Path.Combine(_root.FullName, "missing")]);

        Assert.Equal([Path.Combine(_root.FullName, "in", "ok.pdf")], result.Files);
        Assert.Equal([Path.Combine(_root.FullName, "missing")], result.Missing);
        Assert.StartsWith("not readable", Assert.Single(result.Skipped).Reason);
    }
}
