namespace Pipeline.Cli.Tests;

/// <summary>
/// A command that only reads never creates a warehouse: on a mistyped SQLite path it says there is none and to run
/// <c>pipeline init</c> (exit 2, one line), and leaves no folder and no empty database behind.
/// </summary>
public sealed class ReadOnlyCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("kpis")]
    [InlineData("trace", "Pratiche")]
    public async Task A_mistyped_warehouse_is_not_created(params string[] command)
    {
        var missing = _cli.PathOf("mistyped/path/warehouse.db");

        var result = await _cli.RunAsync([.. command, "--warehouse", missing]);

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"error: no warehouse at {missing}: run 'pipeline init' first, or give --warehouse", line);
        Assert.False(Directory.Exists(_cli.PathOf("mistyped")), "the mistyped folder was created");
    }

    [Fact]
    public async Task After_init_the_same_command_reads()
    {
        var path = _cli.PathOf("wh/warehouse.db");
        Assert.Equal(0, (await _cli.RunAsync("init", "--warehouse", path)).ExitCode);
        var result = await _cli.RunAsync("kpis", "--warehouse", path);
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}

/// <summary>A path given to ingest that does not exist is a usage error: one line, exit 2, no run recorded.</summary>
public sealed class IngestUsageTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_missing_folder_is_one_line_exit_2_and_no_run()
    {
        var result = await _cli.RunAsync("ingest", "my-workbooks/");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("error: no such file or folder: my-workbooks/", Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.False(File.Exists(_cli.PathOf("data/warehouse.db")), "no run, so no warehouse, should have been written");
    }
}
