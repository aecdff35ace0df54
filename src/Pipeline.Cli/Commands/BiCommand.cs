using System.CommandLine;
using Pipeline.Cli.Output;
using Pipeline.Warehouse;
using Pipeline.Warehouse.Bi;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline bi grant ROLE [--chamber CODE]…</c>: a read-only PostgreSQL role on the bi schema (docs/powerbi.md "Row-level security").</summary>
public static class BiCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var role = new Argument<string>("USER") { Description = "the PostgreSQL role Power BI connects as (created with LOGIN when missing; set its password with your usual tools)" };
        var chambers = new Option<string[]>("--chamber") { Description = "a chamber whose rows the role sees (repeat for several; none: every chamber)", AllowMultipleArgumentsPerToken = false };
        var grant = new Command("grant", "let a PostgreSQL role read the bi views only, in read-only transactions, limited to its chambers") { role, chambers };
        grant.SetAction((parse, ct) => globals.RunAsync(parse, async (cli, token) =>
        {
            if (!cli.WarehouseIsPostgres)
                throw new UsageException("bi grant needs a PostgreSQL warehouse (--warehouse \"Host=…\"): SQLite has no roles; use 'pipeline export' for files");
            var codes = (parse.GetValue(chambers) ?? []).Select(c => CliContext.ChamberCode(c)!).Distinct().ToList();
            await new WarehouseInitializer(cli.Dialect).InitAsync(token);
            var name = parse.GetValue(role)!;
            try
            {
                await new BiGrant(cli.Dialect).GrantAsync(name, codes, token);
            }
            catch (ArgumentException ex)
            {
                throw new UsageException(ex.Message);
            }
            var schema = ((PostgresDialect)cli.Dialect).BiSchema;   // bi, or bi_<schema> for a warehouse kept in its own schema
            new Printer(cli.Mode).Line($"granted {name}: read-only on schema {schema}, {(codes.Count == 0 ? "every chamber" : string.Join(", ", codes))}");
            return ExitCodes.Ok;
        }, ct));
        return new Command("bi", "the Power BI model: access for PostgreSQL roles") { grant };
    }
}
