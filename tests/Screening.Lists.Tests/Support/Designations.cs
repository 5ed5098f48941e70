using Screening.Lists.Model;

namespace Screening.Lists.Tests.Support;

/// <summary>Builders for test designations.</summary>
internal static class Designations
{
    public static Designation Person(string id, string name, params string[] aliases) => new()
    {
        SourceId = id,
        SubjectType = SubjectType.Individual,
        Names = [DesignationName.Create(name, NameQuality.Primary), .. aliases.Select(a => DesignationName.Create(a, NameQuality.StrongAlias))],
    };
}
