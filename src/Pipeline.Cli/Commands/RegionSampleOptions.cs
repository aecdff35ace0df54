using System.CommandLine;
using Pipeline.Cli.Output;
using Pipeline.Core.Values;
using Pipeline.Samples.Region;

namespace Pipeline.Cli.Commands;

/// <summary>
/// The options of a synthetic region (<c>--chambers N [--kpis K] [--practices ROWS]</c>), shared by
/// <c>samples generate</c> and <c>bench night</c>.
/// </summary>
public sealed class RegionSampleOptions
{
    /// <summary>Where <c>samples generate --chambers N</c> writes when no <c>--out</c> is given.</summary>
    public const string DefaultFolder = "./sample-region";

    public Option<int?> Chambers { get; } = new("--chambers") { Description = "a synthetic region of N real chambers, each with its own seed, plan and files" };
    public Option<int> Kpis { get; } = new("--kpis") { Description = "KPIs in each chamber's plan (default 100)", DefaultValueFactory = _ => RegionOptions.DefaultKpis };
    public Option<int> Practices { get; } = new("--practices") { Description = "rows of each chamber's practice export (default 20.000; the company list has 3 for every 10)", DefaultValueFactory = _ => RegionOptions.DefaultPractices };

    public void AddTo(Command command)
    {
        command.Options.Add(Chambers);
        command.Options.Add(Kpis);
        command.Options.Add(Practices);
    }

    /// <summary>True when <c>--chambers</c> was given.</summary>
    public bool Requested(ParseResult parse) => parse.GetValue(Chambers) is not null;

    /// <exception cref="UsageException">A count out of range.</exception>
    public RegionOptions Read(ParseResult parse, int? defaultChambers = null)
    {
        var chambers = parse.GetValue(Chambers) ?? defaultChambers ?? throw new UsageException("--chambers N is required");
        var options = new RegionOptions(chambers, parse.GetValue(Kpis), parse.GetValue(Practices));
        try { options.Check(); }
        catch (ArgumentException ex) { throw new UsageException(ex.Message); }
        return options;
    }

    /// <summary><c>samples generate --chambers N</c>: writes the region to <paramref name="folder"/> (default ./sample-region) and says what it wrote.</summary>
    public int Generate(ParseResult parse, string? folder, CliContext cli)
    {
        var options = Read(parse);
        var printer = new Printer(cli.Mode);
        var count = 0;
        var region = SyntheticRegion.Write(folder ?? DefaultFolder, options, _ => count++);
        printer.Line($"{region.Root}: {options.Chambers} chambers, {options.Kpis} KPIs per plan, {ItalianFormat.Number(options.Practices)} practices and " +
                     $"{ItalianFormat.Number(options.Companies)} companies per chamber; {count} files written.");
        printer.Line($"run it: ./pipeline run --config {Path.Combine(region.Root, "config")} --warehouse WAREHOUSE");
        return ExitCodes.Ok;
    }
}
