using System.CommandLine;
using System.Globalization;
using Screening.Contracts.V1;
using Spectre.Console;

namespace Screening.Cli.Commands;

/// <summary><c>tenants</c>, <c>subscriptions</c>, <c>threshold</c> and <c>allow-list</c>: a tenant's configuration.</summary>
internal static class TenantCommands
{
    private const string SubscriptionHelp = "a jurisdiction (KZ) or a jurisdiction with some of its lists (UN:UN/consolidated,UN/other)";

    public static IEnumerable<Command> Create(CommandActions actions)
    {
        yield return Tenants(actions);
        yield return Subscriptions(actions);
        yield return Threshold(actions);
        yield return AllowList(actions);
    }

    private static Command Tenants(CommandActions actions)
    {
        var id = TenantArgument();
        var name = new Option<string?>("--name") { Description = "display name (default: the id)" };
        var subscribe = new Option<string[]>("--subscribe") { Description = "subscription: " + SubscriptionHelp + " (repeatable)", HelpName = "jurisdiction[:lists]" };
        var threshold = new Option<double?>("--threshold") { Description = "screening threshold in (0, 1] (default: the platform's)" };
        var create = new Command("create", "Create a tenant (operator key)") { id, name, subscribe, threshold };
        actions.Set(create, async (context, ct) =>
        {
            var request = new CreateTenantRequest
            {
                TenantId = context.Value(id),
                DisplayName = context.Value(name) ?? context.Value(id),
                Threshold = context.Value(threshold) ?? 0,
            };
            request.Subscriptions.AddRange(ParseSubscriptions(context.Value(subscribe) ?? []));
            return Show(context, await context.Connection.Tenants.CreateTenantAsync(request, cancellationToken: ct));
        });

        var showId = TenantArgument();
        var show = new Command("show", "Show a tenant's subscriptions, threshold and allow-list") { showId };
        actions.Set(show, async (context, ct) =>
            Show(context, await context.Connection.Tenants.GetTenantAsync(new GetTenantRequest { TenantId = context.Value(showId) }, cancellationToken: ct)));
        return new Command("tenants", "Create and show tenants") { create, show };
    }

    private static Command Subscriptions(CommandActions actions)
    {
        var id = TenantArgument();
        var subs = new Argument<string[]>("subscription") { Description = SubscriptionHelp, Arity = ArgumentArity.OneOrMore };
        var set = new Command("set", "Replace a tenant's subscriptions (tenant-admin or operator key)") { id, subs };
        actions.Set(set, async (context, ct) =>
        {
            var request = new SetSubscriptionsRequest { TenantId = context.Value(id) };
            request.Subscriptions.AddRange(ParseSubscriptions(context.Value(subs)));
            return Show(context, await context.Connection.Tenants.SetSubscriptionsAsync(request, cancellationToken: ct));
        });
        var showId = TenantArgument();
        var show = new Command("show", "Show a tenant's subscriptions") { showId };
        actions.Set(show, async (context, ct) =>
            Show(context, await context.Connection.Tenants.GetTenantAsync(new GetTenantRequest { TenantId = context.Value(showId) }, cancellationToken: ct)));
        return new Command("subscriptions", "The jurisdictions and lists a tenant screens against") { set, show };
    }

    private static Command Threshold(CommandActions actions)
    {
        var id = TenantArgument();
        var value = new Argument<double>("value") { Description = "threshold in (0, 1]: the score at which a hit is a potential match" };
        var set = new Command("set", "Set a tenant's screening threshold (tenant-admin or operator key)") { id, value };
        actions.Set(set, async (context, ct) =>
            Show(context, await context.Connection.Tenants.SetThresholdAsync(new SetThresholdRequest { TenantId = context.Value(id), Threshold = context.Value(value) }, cancellationToken: ct)));
        return new Command("threshold", "A tenant's screening threshold") { set };
    }

    private static Command AllowList(CommandActions actions)
    {
        var id = TenantArgument();
        var designation = new Argument<string>("designation-id") { Description = "designation to suppress, e.g. UN/consolidated/TAi.004" };
        var reference = new Option<string?>("--reference") { Description = "only for this customer reference (default: every subject)" };
        var note = new Option<string?>("--note") { Description = "why it is allowed" };
        var add = new Command("add", "Suppress a designation for this tenant (tenant-admin or operator key)") { id, designation, reference, note };
        actions.Set(add, async (context, ct) =>
        {
            var entry = new AllowListEntry { DesignationId = context.Value(designation), ClientReference = context.Value(reference) ?? string.Empty, Note = context.Value(note) ?? string.Empty };
            return Show(context, await context.Connection.Tenants.AddAllowListEntryAsync(new AddAllowListEntryRequest { TenantId = context.Value(id), Entry = entry }, cancellationToken: ct));
        });

        var removeId = TenantArgument();
        var removeDesignation = new Argument<string>("designation-id") { Description = "the designation of the entry" };
        var removeReference = new Option<string?>("--reference") { Description = "the customer reference of the entry, if it has one" };
        var remove = new Command("remove", "Remove an allow-list entry") { removeId, removeDesignation, removeReference };
        actions.Set(remove, async (context, ct) =>
            Show(context, await context.Connection.Tenants.RemoveAllowListEntryAsync(
                new RemoveAllowListEntryRequest { TenantId = context.Value(removeId), DesignationId = context.Value(removeDesignation), ClientReference = context.Value(removeReference) ?? string.Empty },
                cancellationToken: ct)));

        var showId = TenantArgument();
        var show = new Command("show", "Show a tenant's allow-list") { showId };
        actions.Set(show, async (context, ct) =>
            Show(context, await context.Connection.Tenants.GetTenantAsync(new GetTenantRequest { TenantId = context.Value(showId) }, cancellationToken: ct)));
        return new Command("allow-list", "Designations a tenant has reviewed and suppresses") { add, remove, show };
    }

    internal static Argument<string> TenantArgument() => new("tenant") { Description = "tenant id, e.g. almaty-bank" };

    internal static IEnumerable<Subscription> ParseSubscriptions(IEnumerable<string> values)
    {
        foreach (var value in values.SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            var subscription = new Subscription { Jurisdiction = (colon < 0 ? value : value[..colon]).Trim().ToUpperInvariant() };
            if (subscription.Jurisdiction.Length == 0)
            {
                throw new CliException(ExitCodes.Usage, $"subscription '{value}' names no jurisdiction; use {SubscriptionHelp}");
            }

            if (colon >= 0)
            {
                subscription.ListIds.AddRange(value[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }

            yield return subscription;
        }
    }

    private static int Show(CommandContext context, Tenant tenant)
    {
        if (context.Json)
        {
            context.WriteJson(tenant);
            return ExitCodes.Ok;
        }

        var console = context.Out;
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        grid.AddRow("tenant", Markup.Escape(tenant.TenantId));
        grid.AddRow("name", Markup.Escape(tenant.DisplayName));
        grid.AddRow("threshold", tenant.Threshold.ToString("0.00", CultureInfo.InvariantCulture));
        grid.AddRow("subscriptions", Markup.Escape(tenant.Subscriptions.Count == 0 ? "(none)" : string.Join(", ", tenant.Subscriptions.Select(Describe))));
        grid.AddRow("created", Markup.Escape(tenant.CreatedAt));
        console.Write(grid);
        if (tenant.AllowList.Count > 0)
        {
            var table = new Table().AddColumns("allowed designation", "reference", "note");
            foreach (var e in tenant.AllowList)
            {
                table.AddRow(Markup.Escape(e.DesignationId), Markup.Escape(e.ClientReference.Length == 0 ? "(every subject)" : e.ClientReference), Markup.Escape(e.Note));
            }

            console.Write(table);
        }

        return ExitCodes.Ok;
    }

    private static string Describe(Subscription s) => s.ListIds.Count == 0 ? s.Jurisdiction : $"{s.Jurisdiction} ({string.Join(", ", s.ListIds)})";
}
