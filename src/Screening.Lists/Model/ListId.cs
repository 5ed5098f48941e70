namespace Screening.Lists.Model;

/// <summary>Identifies a list inside its jurisdiction, written <c>UN/consolidated</c>, <c>US/SDN</c>, <c>KZ/terrorist-organisations</c>.</summary>
public sealed record ListId(string Jurisdiction, string Name)
{
    /// <summary>Parses <c>JURISDICTION/name</c>.</summary>
    public static ListId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == text.Length - 1)
        {
            throw new FormatException($"A list id is 'JURISDICTION/name', got '{text}'.");
        }

        return new ListId(text[..slash], text[(slash + 1)..]);
    }

    public override string ToString() => Jurisdiction + "/" + Name;
}
