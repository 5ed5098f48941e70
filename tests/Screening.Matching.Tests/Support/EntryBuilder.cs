namespace Screening.Matching.Tests.Support;

/// <summary>Builds designation entries for tests.</summary>
internal sealed class EntryBuilder(string key, SubjectKind kind = SubjectKind.Individual)
{
    private readonly List<SubjectName> names = [];
    private readonly List<BirthDate> birthDates = [];
    private readonly List<string> countries = [];
    private readonly List<SubjectIdentifier> identifiers = [];

    public EntryBuilder Named(params string[] texts)
    {
        names.AddRange(texts.Select(t => new SubjectName(t)));
        return this;
    }

    public EntryBuilder WeakAlias(string text)
    {
        names.Add(new SubjectName(text, IsWeak: true));
        return this;
    }

    public EntryBuilder Born(BirthDate date)
    {
        birthDates.Add(date);
        return this;
    }

    public EntryBuilder In(params string[] codes)
    {
        countries.AddRange(codes);
        return this;
    }

    public EntryBuilder Identified(string kind, string value)
    {
        identifiers.Add(new SubjectIdentifier(kind, value));
        return this;
    }

    public DesignationEntry Build() => new(key, kind, names.ToList())
    {
        BirthDates = birthDates.ToList(),
        Countries = countries.ToList(),
        Identifiers = identifiers.ToList(),
    };
}
