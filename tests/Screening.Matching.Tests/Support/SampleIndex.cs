namespace Screening.Matching.Tests.Support;

/// <summary>A small index of real designations (UN and OFAC names) plus neighbours that must not match.</summary>
internal static class SampleIndex
{
    public static IReadOnlyList<DesignationEntry> Entries { get; } =
    [
        new EntryBuilder("KZ/taliban", SubjectKind.Entity).Named("Taliban", "Талибан").Build(),
        new EntryBuilder("UN/TAi.004").Named("MOHAMMED IDRISS", "Haji Mohammad Idris").Born(BirthDate.On(1960)).In("AF").Build(),
        new EntryBuilder("T/kairat").Named("Kairat Satybaldy").Born(BirthDate.On(1970, 5, 3)).Build(),
        new EntryBuilder("T/alikhan").Named("Alikhan Smailov").Build(),
        new EntryBuilder("UN/QDi.422").Named("ABD AL-RAHMAN MUSTAFA AL-QADULI").Build(),
        new EntryBuilder("UN/IQi.001").Named("SADDAM HUSSEIN AL-TIKRITI", "صدام حسين التكريتي").Born(BirthDate.On(1937, 4, 28)).Build(),
        new EntryBuilder("OFAC/1", SubjectKind.Entity).Named("ANGLO-CARIBBEAN CO., LTD.").Build(),
        new EntryBuilder("OFAC/2", SubjectKind.Entity).Named("BANCO NACIONAL DE CUBA").Identified("SWIFT/BIC", "BNCUCUHH").Build(),
        new EntryBuilder("OFAC/3", SubjectKind.Vessel).Named("OCEAN STAR 12").Identified("IMO", "9187629").Build(),
        new EntryBuilder("UN/KPi.001").Named("Vladimir Vladimirovich Ivanov").Build(),
        new EntryBuilder("UN/QDi.001").Named("Hassan Ali Mahmoud").Build(),
        new EntryBuilder("OFAC/4", SubjectKind.Entity).Named("JSC ARGUMENT").Build(),
        new EntryBuilder("OFAC/5").Named("Nicolas MADURO MOROS").WeakAlias("Nico").Build(),
        new EntryBuilder("OFAC/murad").Named("MURAD, Abdul Hakim").Build(),
        new EntryBuilder("OFAC/zisco", SubjectKind.Entity).Named("ZIMBABWE IRON AND STEEL COMPANY").Build(),
    ];

    public static MatchIndex Build() => MatchIndex.Build(Entries);
}
