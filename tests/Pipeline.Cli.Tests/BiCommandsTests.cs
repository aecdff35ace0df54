namespace Pipeline.Cli.Tests;

/// <summary><c>pipeline export</c> and <c>pipeline bi grant</c> as child processes on an SQLite warehouse.</summary>
public sealed class BiCommandsTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Export_writes_every_bi_view_with_a_header_and_refuses_bad_options_in_one_line()
    {
        Assert.Equal(0, (await _cli.RunAsync("init")).ExitCode);
        var result = await _cli.RunAsync("export", "--format", "csv", _cli.PathOf("out"), "--chamber", "FG");
        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var view in new[] { "camera", "obiettivo", "indicatore", "periodo", "calendario", "valori", "raggiungimento_obiettivi" })
            Assert.True(File.Exists(_cli.PathOf($"out/{view}.csv")), view);
        Assert.Equal("CameraKey,Codice camera,Camera,Regione", File.ReadLines(_cli.PathOf("out/camera.csv")).First());
        Assert.EndsWith(",FG,Foggia,Puglia", File.ReadLines(_cli.PathOf("out/camera.csv")).Skip(1).Single().Replace("Camera di Commercio di ", ""), StringComparison.Ordinal);
        Assert.Contains("Raggiungimento %", File.ReadLines(_cli.PathOf("out/valori.csv")).First());

        var badFormat = await _cli.RunAsync("export", "--format", "xlsx", _cli.PathOf("out"));
        Assert.Equal(2, badFormat.ExitCode);
        var badChamber = await _cli.RunAsync("export", "--format", "parquet", _cli.PathOf("out"), "--chamber", "Atlantide");
        Assert.Equal(2, badChamber.ExitCode);
        Assert.Contains("Atlantide", badChamber.Stderr);
    }

    [Fact]
    public async Task Bi_grant_on_sqlite_says_it_needs_postgresql_in_one_line()
    {
        var result = await _cli.RunAsync("bi", "grant", "reader", "--chamber", "FG");
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("needs a PostgreSQL warehouse", line);
        Assert.False(File.Exists(_cli.PathOf("data/warehouse.db")));
    }
}
