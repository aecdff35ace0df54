using System.CommandLine;
using Pipeline.Cli.Output;
using Pipeline.Core.Access;
using Pipeline.Warehouse;
using Pipeline.Web.Access;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline users add|list|remove</c>: the local accounts of the web app (docs/web.md "Users"). A password is read
/// from stdin (<c>--password-stdin</c>), else generated and printed once; only its hash is stored.
/// </summary>
public static class UsersCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("users", "local accounts of the web app (pipeline serve): add, list, remove");
        command.Add(Add(globals));
        command.Add(List(globals));
        command.Add(Remove(globals));
        return command;
    }

    private static Command Add(GlobalOptions globals)
    {
        var name = new Argument<string>("NAME") { Description = "the user name to sign in with" };
        var role = new Option<string>("--role") { Description = "admin (every chamber; runs jobs, decides held versions), region (every chamber) or chamber (only its chambers)", Required = true };
        role.AcceptOnlyFromAmong([.. WebRoles.Names]);
        var chambers = new Option<string[]>("--chamber") { Description = "a chamber the user sees (chamber role; repeat for several)", AllowMultipleArgumentsPerToken = false };
        var stdin = new Option<bool>("--password-stdin") { Description = "read the password from the first line of stdin (else one is generated and printed once)" };
        var command = new Command("add", "add an account, or replace the role, chambers and password of an existing one") { name, role, chambers, stdin };
        command.SetAction((parse, ct) => globals.RunAsync(parse, async (cli, token) =>
        {
            WebRoles.TryParse(parse.GetValue(role), out var webRole);
            var codes = (parse.GetValue(chambers) ?? []).Select(c => CliContext.ChamberCode(c)!).Distinct().ToList();
            string? password;
            var generated = !parse.GetValue(stdin);
            if (generated) password = LocalAccounts.GeneratePassword();
            else password = (await Console.In.ReadLineAsync(token))?.TrimEnd('\r', '\n')
                            ?? throw new UsageException("--password-stdin: stdin is empty");
            await new WarehouseInitializer(cli.Dialect).InitAsync(token);
            bool added;
            try
            {
                added = await new LocalAccounts(cli.Dialect).SaveAsync(parse.GetValue(name)!, webRole, codes, password, token);
            }
            catch (ArgumentException ex)
            {
                throw new UsageException(ex.Message);
            }
            var printer = new Printer(cli.Mode);
            var scope = webRole == WebRole.Chamber ? string.Join(", ", codes) : "every chamber";
            printer.Line($"{(added ? "added" : "updated")} {parse.GetValue(name)!.Trim()}: {webRole.Name()}, {scope}");
            if (generated) printer.Line($"password (shown once, not stored in clear): {password}");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Command List(GlobalOptions globals)
    {
        var json = new Option<bool>("--json") { Description = "JSON on stdout" };
        var command = new Command("list", "the accounts: name, role, chambers, whether a password is set") { json };
        command.SetAction((parse, ct) => globals.RunAsync(parse, async (cli, token) =>
        {
            await new WarehouseInitializer(cli.Dialect).InitAsync(token);
            var users = await new LocalAccounts(cli.Dialect).Store.ListAsync(token);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(users.Select(u => new { name = u.Name, role = u.Role.Name(), chambers = u.Chambers, password = u.PasswordHash is not null }));
                return ExitCodes.Ok;
            }
            var printer = new Printer(cli.Mode);
            if (users.Count == 0)
            {
                printer.Line("No account: 'pipeline users add NAME --role admin' makes one.");
                return ExitCodes.Ok;
            }
            printer.Table(["User", "Role", "Chambers", "Password"], users.Select(u => (IReadOnlyList<string?>)
                [u.Name, u.Role.Name(), u.Role == WebRole.Chamber ? string.Join(", ", u.Chambers) : "every chamber", u.PasswordHash is null ? "no" : "yes"]));
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Command Remove(GlobalOptions globals)
    {
        var name = new Argument<string>("NAME") { Description = "the account to remove" };
        var command = new Command("remove", "remove an account (its sessions end when their cookie expires or at the next sign-in)") { name };
        command.SetAction((parse, ct) => globals.RunAsync(parse, async (cli, token) =>
        {
            await new WarehouseInitializer(cli.Dialect).InitAsync(token);
            var who = parse.GetValue(name)!.Trim();
            if (!await new LocalAccounts(cli.Dialect).Store.RemoveAsync(who, token))
                throw new UsageException($"no account '{who}' ('pipeline users list' lists them)");
            new Printer(cli.Mode).Line($"removed {who}");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
