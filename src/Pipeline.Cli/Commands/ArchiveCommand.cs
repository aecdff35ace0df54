using System.CommandLine;
using Pipeline.Cli.Output;
using Pipeline.Core.Values;
using Pipeline.Warehouse.Archive;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline archive verify</c>: the source archive re-hashed (docs/operations.md "Archive").</summary>
public static class ArchiveCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var json = new Option<bool>("--json") { Description = "JSON on stdout" };
        var verify = new Command("verify",
            "re-hash every archived source file and check every document's sha256 has one: missing and corrupt entries one line each, then the counts; exit 1 when any") { json };
        verify.SetAction((parse, ct) => globals.RunAsync(parse, async (cli, token) =>
        {
            cli.RequireExistingWarehouse();
            var archive = For(cli);
            var result = await new ArchiveVerifier(archive).VerifyAsync(token);
            if (parse.GetValue(json)) JsonOutput.Write(result);
            else Print(new Printer(cli.Mode), result);
            return result.Ok ? ExitCodes.Ok : ExitCodes.InputFailed;
        }, ct));
        return new Command("archive", "the source archive: every document and feed file loaded, kept by sha256") { verify };
    }

    /// <summary>The warehouse's archive as config/archive.json sets it.</summary>
    public static SourceArchive For(CliContext cli) => SourceArchive.For(cli.Dialect, ArchiveSettings.FromDirectory(cli.ConfigDirectory));

    private static void Print(Printer printer, ArchiveVerification result)
    {
        foreach (var problem in result.Problems) printer.Line($"{problem.Kind} {problem.Sha256}: {problem.Reason}");
        var orphans = result.Orphans == 0 ? "" : $"; {N(result.Orphans)} orphan files (of loads that did not commit; a run removes them after an hour)";
        printer.Line($"archive ({result.Store}): {N(result.Entries)} entries re-hashed ({N(result.Bytes)} bytes), {N(result.Documents)} document sha256; " +
                     $"{N(result.Missing)} missing, {N(result.Corrupt)} corrupt{orphans}");
    }

    private static string N(long count) => ItalianFormat.Number(count);
}
