using Screening.Matching.Normalisation;

namespace Screening.Matching.Tests.Normalisation;

public sealed class PhoneticKeyTests
{
    [Theory]
    [InlineData("mohammed", "muhammad")]
    [InlineData("mohamad", "muhammed")]
    [InlineData("kairat", "qairat")]
    [InlineData("alikhan", "alihan")]
    [InlineData("yuriy", "iurii")]
    [InlineData("dmitry", "dmitrii")]
    [InlineData("hussein", "husayn")]
    [InlineData("hossein", "husain")]
    [InlineData("yevgeniy", "evgeniy")]
    [InlineData("mikhail", "mihail")]
    [InlineData("zhanna", "dzhanna")]
    [InlineData("tsoi", "tzoi")]
    [InlineData("idris", "idriss")]
    [InlineData("usama", "osama")]
    [InlineData("steel", "stil")]
    [InlineData("sameer", "samir")]
    [InlineData("kompanj", "kompany")]
    [InlineData("sulajman", "sulayman")]
    [InlineData("najdenko", "naydenko")]
    [InlineData("armj", "army")]
    [InlineData("karadzh", "karaj")]
    [InlineData("ekschange", "exchange")]
    [InlineData("saeed", "said")]
    [InlineData("kargoshaee", "kargoshai")]
    [InlineData("ddzhamel", "djamel")] // Djamel through Cyrillic: Дджамел
    [InlineData("addj", "adj")]
    public void Of_RomanisationVariants_AreEqual(string a, string b) => Assert.Equal(PhoneticKey.Of(a), PhoneticKey.Of(b));

    [Theory]
    [InlineData("hussein", "hassan")]
    [InlineData("mohammed", "mahmoud")]
    [InlineData("ahmed", "hamid")]
    [InlineData("hajji", "hayi")]
    [InlineData("jamal", "yamal")]
    public void Of_DifferentNames_StayApart(string a, string b) => Assert.NotEqual(PhoneticKey.Of(a), PhoneticKey.Of(b));

    [Theory]
    [InlineData("mhmd", "mohammed")]
    [InlineData("talban", "taliban")]
    [InlineData("hsin", "hussein")]
    [InlineData("mhmud", "mahmoud")]
    public void ConsonantsOf_AbjadAndLatinForms_AreEqual(string abjad, string latin) =>
        Assert.Equal(PhoneticKey.ConsonantsOf(PhoneticKey.Of(abjad)), PhoneticKey.ConsonantsOf(PhoneticKey.Of(latin)));

    [Theory]
    [InlineData("shuqi", "shawqi")]
    [InlineData("tashn", "chen")]
    public void LooseConsonantsOf_AbjadAndLatinForms_AreEqual(string abjad, string latin) =>
        Assert.Equal(Loose(abjad), Loose(latin));

    [Fact]
    public void LooseConsonantsOf_NothingToLoosen_ReturnsTheSameString()
    {
        var skeleton = PhoneticKey.ConsonantsOf(PhoneticKey.Of("mohammed"));
        Assert.Same(skeleton, PhoneticKey.LooseConsonantsOf(PhoneticKey.Of("mohammed"), skeleton));
    }

    [Theory]
    [InlineData("jusuf", "yusuf")]
    [InlineData("junis", "yunis")]
    [InlineData("jahja", "yahya")]
    [InlineData("maja", "maya")]
    [InlineData("rojal", "royal")]
    [InlineData("baj", "bay")]
    public void GlideKeyOf_JWrittenForY_IsTheKeyOfTheYSpelling(string withJ, string withY) =>
        Assert.Equal(PhoneticKey.Of(withY), PhoneticKey.GlideKeyOf(withJ, PhoneticKey.Of(withJ)));

    [Theory]
    [InlineData("lajnat", "ladzhnat")] // Arabic لجنة, Lajnat, through Cyrillic: Ладжнат
    [InlineData("nebojsa", "nebodzhsa")]
    public void GlideKeyOf_JReadAsGlide_IsTheKeyOfTheConsonantSpelling(string withJ, string withDzh) =>
        Assert.Equal(PhoneticKey.Of(withDzh), PhoneticKey.GlideKeyOf(withJ, PhoneticKey.Of(withJ)));

    [Theory]
    [InlineData("djamel", false)]
    [InlineData("hajji", false)]
    [InlineData("jan", false)]
    [InlineData("jamal", true)]
    [InlineData("yusuf", false)]
    public void GlideKeyOf_ConsonantJShortSyllableOrAbjad_IsTheKeyItself(string token, bool abjad)
    {
        var key = PhoneticKey.Of(token, abjad);
        Assert.Same(key, PhoneticKey.GlideKeyOf(token, key, abjad));
    }

    private static string Loose(string token)
    {
        var key = PhoneticKey.Of(token);
        return PhoneticKey.LooseConsonantsOf(key, PhoneticKey.ConsonantsOf(key));
    }

    [Theory]
    [InlineData("fur", "for", true)]
    [InlineData("fr", "for", true)]
    [InlineData("fru", "for", false)]
    [InlineData("afk", "fka", false)]
    [InlineData("mulana", "maulana", true)]
    [InlineData("mlnu", "maulana", false)]
    [InlineData("kmbni", "company", true)]
    [InlineData("injnir", "engineer", true)]
    public void WrittenVowelsFit_AbjadLongVowels_MustBeVowelsOfTheWord(string abjad, string latin, bool expected) =>
        Assert.Equal(expected, PhoneticKey.WrittenVowelsFit(PhoneticKey.Of(abjad, abjad: true), latin));

    [Theory]
    [InlineData("ksnjinj", "xinjiang", true)]
    [InlineData("fuzi", "fawzi", true)]
    [InlineData("hsin", "hussein", true)]
    [InlineData("hsin", "hassan", false)]
    [InlineData("amara", "omar", false)]
    [InlineData("imad", "imad", true)]
    [InlineData("amad", "imad", true)]
    [InlineData("ala", "ali", true)]
    public void WrittenVowelsFit_Name_IgnoresTheFirstVowelAndReadsAFinalAAsI(string abjad, string latin, bool expected) =>
        Assert.Equal(expected, PhoneticKey.WrittenVowelsFit(PhoneticKey.Of(abjad, abjad: true), latin, name: true));

    [Theory]
    [InlineData("hsin", "hussein")]
    [InlineData("hsin", "hassan")]
    [InlineData("mulana", "maulana")]
    [InlineData("fuzi", "fawzi")]
    public void WrittenVowelsFitGaps_KeptPerToken_AgreesWithTheText(string abjad, string latin)
    {
        var token = NameToken.Create(latin, abjad: false, TokenRole.Informative);
        var key = PhoneticKey.Of(abjad, abjad: true);

        Assert.Equal(PhoneticKey.WrittenVowelsFit(key, latin, name: true), PhoneticKey.WrittenVowelsFitGaps(key, token.LatinVowelGaps, name: true));
        Assert.Equal(PhoneticKey.WrittenVowelsFit(key, latin), PhoneticKey.WrittenVowelsFitGaps(key, token.LatinVowelGaps));
    }

    [Fact]
    public void NameToken_VowelGapsComputed_StaysEqualToAFreshToken()
    {
        var used = NameToken.Create("hussein", abjad: false, TokenRole.Informative);
        _ = used.LatinVowelGaps;
        var fresh = NameToken.Create("hussein", abjad: false, TokenRole.Informative);

        Assert.Equal(fresh, used);
        Assert.Equal(fresh.GetHashCode(), used.GetHashCode());
        Assert.NotEqual(fresh, NameToken.Create("hussein", abjad: true, TokenRole.Informative));
    }

    [Theory]
    [InlineData("xx")]
    [InlineData("xxi")]
    [InlineData("xxx")]
    [InlineData("maxx")]
    public void LatinVowelGapsOf_XReadAsTwoConsonants_HasOneGapMoreThanTheSkeleton(string latin)
    {
        // Latin x is keyed "ks": a skeleton can be longer than the word (xx, a vessel's "Siglo XXI").
        var gaps = PhoneticKey.LatinVowelGapsOf(latin);

        Assert.Equal(PhoneticKey.ConsonantsOf(PhoneticKey.Of(latin)).Length + 1, gaps.Length);
    }
}
