using System.CommandLine;
using System.Globalization;
using Google.Protobuf;
using Screening.Contracts.V1;
using Spectre.Console;

namespace Screening.Cli.Commands;

/// <summary><c>jurisdictions</c> and <c>lists</c> (operator key): jurisdictions, imports of official files, list versions.</summary>
internal static class ListCommands
{
    private const int ChunkSize = 64 * 1024;

    public static readonly string[] Formats = ["un-xml", "ofac-sdn-csv", "ofac-sdn-xml", "eu-fsf-xml", "uk-ofsi-csv", "national-json"];

    public static IEnumerable<Command> Create(CommandActions actions)
    {
        yield return Jurisdictions(actions);
        yield return Lists(actions);
    }

    private static Command Jurisdictions(CommandActions actions)
    {
        var list = new Command("list", "List the jurisdictions and their lists");
        actions.Set(list, async (context, ct) =>
        {
            var response = await context.Connection.Lists.ListJurisdictionsAsync(new ListJurisdictionsRequest(), cancellationToken: ct);
            if (context.Json)
            {
                context.WriteJson(response);
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("code", "name", "list", "version", "in force", "total", "updated");
            foreach (var j in response.Jurisdictions)
            {
                if (j.Lists.Count == 0)
                {
                    table.AddRow(Markup.Escape(j.Code), Markup.Escape(j.Name), "[grey](no list)[/]", string.Empty, string.Empty, string.Empty, string.Empty);
                }

                foreach (var l in j.Lists)
                {
                    table.AddRow(
                        Markup.Escape(j.Code), Markup.Escape(j.Name), Markup.Escape(l.ListId), N(l.Version), N(l.InForce), N(l.Total), Markup.Escape(l.UpdatedAt));
                }
            }

            context.Out.Write(table);
            return ExitCodes.Ok;
        });

        var code = new Argument<string>("code") { Description = "2..8 upper-case letters, e.g. KZ" };
        var name = new Option<string>("--name") { Description = "name, e.g. Kazakhstan", Required = true };
        var authority = new Option<string?>("--authority") { Description = "the authority that maintains its lists" };
        var create = new Command("create", "Create a jurisdiction (or update its name)") { code, name, authority };
        actions.Set(create, async (context, ct) =>
        {
            var j = await context.Connection.Lists.CreateJurisdictionAsync(
                new CreateJurisdictionRequest { Code = context.Value(code), Name = context.Value(name), Authority = context.Value(authority) ?? string.Empty }, cancellationToken: ct);
            if (context.Json)
            {
                context.WriteJson(j);
            }
            else
            {
                context.Out.WriteLine($"jurisdiction {j.Code}: {j.Name}");
            }

            return ExitCodes.Ok;
        });
        return new Command("jurisdictions", "Jurisdictions whose lists the platform holds (operator key)") { list, create };
    }

    private static Command Lists(CommandActions actions)
    {
        var file = new Argument<FileInfo>("file") { Description = "the official file (for ofac-sdn-csv: a zip of sdn/add/alt/sdn_comments.csv)" };
        var listId = new Option<string>("--list") { Description = "list id <jurisdiction>/<list>, e.g. UN/consolidated", Required = true, HelpName = "list-id" };
        var format = new Option<string>("--format") { Description = "file format", Required = true };
        format.AcceptOnlyFromAmong(Formats);
        var delisted = new Option<string?>("--delisted-effective") { Description = "effective date of delistings implied by absence (default: the file's publication date, else today)", HelpName = "date" };
        var source = new Option<string?>("--source") { Description = "where the file came from (default: the file name)" };
        var import = new Command("import", "Import an official list file: all or nothing; prints the new version and counts (operator key)") { file, listId, format, delisted, source };
        actions.Set(import, async (context, ct) =>
        {
            var path = context.Value(file);
            if (!path.Exists)
            {
                throw new CliException(ExitCodes.Usage, $"file not found: {path.FullName}");
            }

            var header = new ImportHeader
            {
                ListId = context.Value(listId),
                Format = context.Value(format),
                DelistedEffective = context.Value(delisted) ?? string.Empty,
                SourceReference = context.Value(source) ?? path.Name,
            };
            var result = context.Environment.Interactive && !context.Json
                ? await ImportWithProgressAsync(context, path, header, ct)
                : await ImportAsync(context, path, header, null, ct);
            if (context.Json)
            {
                context.WriteJson(result);
                return ExitCodes.Ok;
            }

            context.Out.MarkupLine(result.Changed
                ? $"[green]imported[/] {Markup.Escape(result.ListId)}: version {N(result.Version)}"
                : $"[yellow]unchanged[/] {Markup.Escape(result.ListId)}: the content equals version {N(result.Version)}; no new version");
            var table = new Table().AddColumns("added", "amended", "delisted", "relisted", "unchanged");
            table.AddRow(N(result.Added), N(result.Amended), N(result.Delisted), N(result.Relisted), N(result.Unchanged));
            context.Out.Write(table);
            return ExitCodes.Ok;
        });

        var showId = new Argument<string>("list-id") { Description = "e.g. UN/consolidated" };
        var asOf = new Option<string?>("--as-of") { Description = "count designations in force at this date (default today)", HelpName = "date" };
        var show = new Command("show", "A list's version, counts and last change") { showId, asOf };
        actions.Set(show, async (context, ct) =>
        {
            var info = await context.Connection.Lists.GetListAsync(new GetListRequest { ListId = context.Value(showId), AsOf = context.Value(asOf) ?? string.Empty }, cancellationToken: ct);
            if (context.Json)
            {
                context.WriteJson(info);
                return ExitCodes.Ok;
            }

            var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
            grid.AddRow("list", Markup.Escape(info.ListId));
            grid.AddRow("version", N(info.Version));
            grid.AddRow($"in force at {Markup.Escape(info.AsOf)}", N(info.InForce));
            grid.AddRow("ever recorded", N(info.Total));
            grid.AddRow("updated", Markup.Escape(info.UpdatedAt));
            if (info.LastError.Length > 0)
            {
                grid.AddRow("[red]last error[/]", Markup.Escape(info.LastError));
            }

            context.Out.Write(grid);
            return ExitCodes.Ok;
        });

        var revId = new Argument<string>("list-id") { Description = "e.g. UN/consolidated" };
        var since = new Option<long>("--since") { Description = "only revisions recorded in versions after this one", HelpName = "version" };
        var limit = new Option<int>("--limit") { Description = "at most this many (default 1000)", DefaultValueFactory = _ => 1000 };
        var revisions = new Command("revisions", "A list's revisions (listings, amendments, delistings) since a version") { revId, since, limit };
        actions.Set(revisions, async (context, ct) =>
        {
            var response = await context.Connection.Lists.ListRevisionsAsync(
                new ListRevisionsRequest { ListId = context.Value(revId), SinceVersion = context.Value(since), Limit = context.Value(limit) }, cancellationToken: ct);
            if (context.Json)
            {
                context.WriteJson(response);
                return ExitCodes.Ok;
            }

            context.Out.Write(DesignationCommands.RevisionTable(response.Revisions, withDesignation: true));
            context.Out.MarkupLine($"[grey]current version {N(response.CurrentVersion)}[/]");
            return ExitCodes.Ok;
        });
        return new Command("lists", "Import official list files and inspect list versions (operator key)") { import, show, revisions };
    }

    private static async Task<ImportListResponse> ImportWithProgressAsync(CommandContext context, FileInfo path, ImportHeader header, CancellationToken ct)
    {
        ImportListResponse result = null!;
        await context.Err.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var upload = progress.AddTask($"upload {Markup.Escape(path.Name)}", maxValue: Math.Max(1, path.Length));
                var server = progress.AddTask("server: parse, diff, record", autoStart: false).IsIndeterminate();
                result = await ImportAsync(context, path, header, sent =>
                {
                    upload.Value = sent;
                    if (sent >= path.Length && !server.IsStarted)
                    {
                        server.StartTask();
                    }
                }, ct);
                upload.Value = upload.MaxValue;
                server.IsIndeterminate(false).Value = server.MaxValue;
            });
        return result;
    }

    private static async Task<ImportListResponse> ImportAsync(CommandContext context, FileInfo path, ImportHeader header, Action<long>? sent, CancellationToken ct)
    {
        using var call = context.Connection.Lists.ImportList(cancellationToken: ct);
        try
        {
            await call.RequestStream.WriteAsync(new ImportListChunk { Header = header }, ct);
            await using var stream = path.OpenRead();
            var buffer = new byte[ChunkSize];
            long total = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer, ct)) > 0)
            {
                await call.RequestStream.WriteAsync(new ImportListChunk { Data = ByteString.CopyFrom(buffer, 0, read) }, ct);
                total += read;
                sent?.Invoke(total);
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Grpc.Core.RpcException)
        {
            // The server ended the call early (bad header, too large): its status says why.
        }
        catch (InvalidOperationException)
        {
            // Writing after the call completed: the status below says why.
        }

        return await call.ResponseAsync;
    }

    internal static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
