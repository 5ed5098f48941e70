namespace Screening.Grains.Abstractions.Lists;

/// <summary>
/// Designation ids are "&lt;jurisdiction&gt;/&lt;list&gt;/&lt;source id&gt;", e.g. "UN/consolidated/TAi.004". Source ids may contain '/',
/// list ids never contain more than one.
/// </summary>
public static class DesignationIds
{
    /// <summary>The id of a designation of a list.</summary>
    public static string Of(string listId, string sourceId) => listId + "/" + sourceId;

    /// <summary>Splits an id into list id and source id; false when it has no list part.</summary>
    public static bool TryParse(string id, out string listId, out string sourceId)
    {
        listId = sourceId = string.Empty;
        var first = id.IndexOf('/', StringComparison.Ordinal);
        var second = first < 0 ? -1 : id.IndexOf('/', first + 1);
        if (first <= 0 || second <= first + 1 || second == id.Length - 1)
        {
            return false;
        }

        listId = id[..second];
        sourceId = id[(second + 1)..];
        return true;
    }
}
