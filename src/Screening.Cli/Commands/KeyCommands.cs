using System.CommandLine;
using Screening.Contracts.V1;
using Spectre.Console;

namespace Screening.Cli.Commands;

/// <summary><c>keys issue|list|revoke</c>: a tenant's API keys.</summary>
internal static class KeyCommands
{
    public static Command Create(CommandActions actions)
    {
        var id = TenantCommands.TenantArgument();
        var role = new Option<string>("--role") { Description = "screening (screen, read own audit) or tenant-admin (everything of the tenant)", DefaultValueFactory = _ => "screening" };
        role.AcceptOnlyFromAmong("screening", "tenant-admin");
        var label = new Option<string?>("--label") { Description = "free text to recognise the key later" };
        var issue = new Command("issue", "Issue a key; the secret is printed once (operator or tenant-admin key)") { id, role, label };
        actions.Set(issue, async (context, ct) =>
        {
            var request = new IssueApiKeyRequest
            {
                TenantId = context.Value(id),
                Role = context.Value(role) == "tenant-admin" ? ApiKeyRole.TenantAdmin : ApiKeyRole.Screening,
                Label = context.Value(label) ?? string.Empty,
            };
            var issued = await context.Connection.Tenants.IssueApiKeyAsync(request, cancellationToken: ct);
            if (context.Json)
            {
                context.WriteJson(issued);
            }
            else
            {
                // The secret alone on standard output, so `KEY=$(screenctl keys issue ...)` works; the rest on standard error.
                context.Environment.Output.WriteLine(issued.Secret);
                context.Err.MarkupLine($"[grey]key id {Markup.Escape(issued.KeyId)}, role {RoleName(issued.Role)}; the secret above is shown only once[/]");
            }

            return ExitCodes.Ok;
        });

        var listId = TenantCommands.TenantArgument();
        var list = new Command("list", "List a tenant's keys (never the secrets)") { listId };
        actions.Set(list, async (context, ct) =>
        {
            var keys = await context.Connection.Tenants.ListApiKeysAsync(new ListApiKeysRequest { TenantId = context.Value(listId) }, cancellationToken: ct);
            if (context.Json)
            {
                context.WriteJson(keys);
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("key id", "role", "label", "created", "revoked");
            foreach (var k in keys.Keys)
            {
                table.AddRow(Markup.Escape(k.KeyId), RoleName(k.Role), Markup.Escape(k.Label), Markup.Escape(k.CreatedAt), k.Revoked ? "[red]yes[/]" : "no");
            }

            context.Out.Write(table);
            return ExitCodes.Ok;
        });

        var revokeTenant = TenantCommands.TenantArgument();
        var keyId = new Argument<string>("key-id") { Description = "the key's public id (from keys list)" };
        var revoke = new Command("revoke", "Revoke a key; it stops working within a second") { revokeTenant, keyId };
        actions.Set(revoke, async (context, ct) =>
        {
            await context.Connection.Tenants.RevokeApiKeyAsync(new RevokeApiKeyRequest { TenantId = context.Value(revokeTenant), KeyId = context.Value(keyId) }, cancellationToken: ct);
            if (context.Json)
            {
                context.WriteJson(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("keyId", context.Value(keyId));
                    w.WriteBoolean("revoked", true);
                    w.WriteEndObject();
                });
            }
            else
            {
                context.Out.WriteLine($"revoked {context.Value(keyId)}");
            }

            return ExitCodes.Ok;
        });
        return new Command("keys", "Issue, list and revoke a tenant's API keys") { issue, list, revoke };
    }

    private static string RoleName(ApiKeyRole role) => role switch
    {
        ApiKeyRole.Screening => "screening",
        ApiKeyRole.TenantAdmin => "tenant-admin",
        _ => "unspecified",
    };
}
