using Screening.Matching.Normalisation;
using Screening.Matching.Scoring;

namespace Screening.Matching.Tests.Scoring;

public sealed class TokenSimilarityTests
{
    private static readonly string[] Tokens =
    [
        "mohammed", "muhammad", "mohamad", "mahmoud", "hashem", "khadem", "hussein", "hassan", "husayn", "ivanov", "ivanova",
        "vladimir", "vladimirovich", "tikriti", "takriti", "qaduli", "qadulli", "martha", "marhta", "dwayne", "duane", "dixon",
        "dicksonx", "abcd", "dcba", "aaaa", "aaab", "petrochemical", "petrochem", "zzzzzzzz", "qairat", "kairat", "alikhan", "alihan",
    ];

    public static TheoryData<string, string> Pairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var a in Tokens)
        {
            foreach (var b in Tokens)
            {
                data.Add(a, b);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void JaroWinklerBound_AnyPair_IsNeverBelowJaroWinkler(string a, string b)
    {
        var x = NameToken.Create(a, false, TokenRole.Informative);
        var y = NameToken.Create(b, false, TokenRole.Informative);
        Assert.True(TokenSimilarity.JaroWinklerBound(a.Length, b.Length, x.TextLetters, y.TextLetters) >= JaroWinkler.Similarity(a, b) - 1e-12);
        Assert.True(TokenSimilarity.JaroWinklerBound(x.Key.Length, y.Key.Length, x.KeyLetters, y.KeyLetters) >= JaroWinkler.Similarity(x.Key, y.Key) - 1e-12);
    }

    [Fact]
    public void JaroWinklerBound_DisjointLetters_IsZero() =>
        Assert.Equal(0.0, TokenSimilarity.JaroWinklerBound(4, 4, 0b1111, 0b11110000));

    [Theory]
    [InlineData("hashem", "khadem")]
    [InlineData("zzzzzzzz", "petrochemical")]
    [InlineData("ivanov", "tikriti")]
    public void Compute_DifferentNames_GetNoCredit(string a, string b) =>
        Assert.Equal(0.0, TokenSimilarity.Compute(NameToken.Create(a, false, TokenRole.Informative), NameToken.Create(b, false, TokenRole.Informative)));

    [Theory]
    [InlineData("vei", "wei", TokenSimilarity.ShortVariantScore)]
    [InlineData("ias", "yas", TokenSimilarity.ShortVariantScore)]
    [InlineData("vei", "van", 0.0)]
    [InlineData("ve", "we", 0.0)]
    [InlineData("kho", "ho", TokenSimilarity.ShortVariantScore)]
    [InlineData("ho", "kho", TokenSimilarity.ShortVariantScore)]
    [InlineData("iu", "yu", 0.0)]
    [InlineData("kho", "ha", 0.0)]
    public void Compute_ShortSyllablesWithTheSameKey_AreVariants(string a, string b, double expected) =>
        Assert.Equal(expected, TokenSimilarity.Compute(NameToken.Create(a, false, TokenRole.Informative), NameToken.Create(b, false, TokenRole.Informative)));

    [Theory]
    [InlineData("jusuf", "yusuf", TokenSimilarity.GlideVariantScore)]
    [InlineData("yunis", "junis", TokenSimilarity.GlideVariantScore)]
    [InlineData("kusaj", "qusay", TokenSimilarity.GlideVariantScore)]
    [InlineData("jan", "yun", 0.0)]
    public void Compute_LatinJWrittenForTheGlideY_IsAVariant(string a, string b, double expected) =>
        Assert.Equal(expected, TokenSimilarity.Compute(NameToken.Create(a, false, TokenRole.Informative), NameToken.Create(b, false, TokenRole.Informative)));

    [Theory]
    [InlineData("bnini", "ben", 0.0)]
    [InlineData("sami", "sam", 0.0)]
    [InlineData("sami", "sami", 1.0)]
    [InlineData("hbu", "habbo", TokenSimilarity.AbjadScore)]
    [InlineData("tlha", "talhah", TokenSimilarity.AbjadScore)]
    public void Compute_ArabicScriptFinalLongVowel_NeedsAFinalVowelInLatin(string abjad, string latin, double expected) =>
        Assert.Equal(expected, TokenSimilarity.Compute(NameToken.Create(abjad, true, TokenRole.Informative), NameToken.Create(latin, false, TokenRole.Informative)));

    [Theory]
    [InlineData("tn", "thini", 0.0)]
    [InlineData("fr", "alvaro", 0.0)]
    [InlineData("hmd", "hamdy", 0.0)]
    [InlineData("thni", "thini", TokenSimilarity.AbjadScore)]
    [InlineData("hmdi", "hamdy", TokenSimilarity.AbjadScore)]
    [InlineData("abd", "abdi", TokenSimilarity.AbjadScore)]
    public void Compute_LatinFinalLongVowel_NeedsAFinalVowelInArabicScript(string abjad, string latin, double expected) =>
        Assert.Equal(expected, TokenSimilarity.Compute(NameToken.Create(abjad, true, TokenRole.Informative), NameToken.Create(latin, false, TokenRole.Informative)));

    [Theory]
    [InlineData("ijni", "jan", 0.0)]
    [InlineData("bnini", "bn", 0.0)]
    [InlineData("amr", "umr", TokenSimilarity.AbjadScore)]
    public void Compute_TwoArabicScriptSpellings_AgreeOnWrittenFirstAndFinalVowels(string a, string b, double expected) =>
        Assert.Equal(expected, TokenSimilarity.Compute(NameToken.Create(a, true, TokenRole.Informative), NameToken.Create(b, true, TokenRole.Informative)));

    [Theory]
    [InlineData("hin", "khun", 0.0)]
    [InlineData("hald", "khalid", 0.0)]
    [InlineData("khald", "khalid", TokenSimilarity.AbjadScore)]
    [InlineData("khald", "halid", TokenSimilarity.AbjadScore)]
    public void Compute_LatinKh_IsNotArabicScriptHOrHa(string abjad, string latin, double expected) =>
        Assert.Equal(expected, TokenSimilarity.Compute(NameToken.Create(abjad, true, TokenRole.Informative), NameToken.Create(latin, false, TokenRole.Informative)));

    [Theory]
    [InlineData("slimn", "salman", 0.0)]
    [InlineData("slimn", "sulaiman", TokenSimilarity.AbjadScore)]
    [InlineData("hutma", "haytham", 0.0)]
    [InlineData("hutma", "hawatma", TokenSimilarity.LooseAbjadScore)]
    [InlineData("mhmud", "mohamed", 0.0)]
    [InlineData("mhmud", "mahmoud", TokenSimilarity.AbjadScore)]
    [InlineData("fuzi", "fawzi", TokenSimilarity.AbjadScore)]
    [InlineData("sad", "saeed", TokenSimilarity.AbjadScore)]
    [InlineData("asama", "usama", TokenSimilarity.AbjadScore)]
    [InlineData("ala", "ali", 0.86)]
    [InlineData("aysi", "isa", 0.86)]
    public void Compute_ArabicScriptLongVowels_StandWhereTheLatinNameHasVowels(string abjad, string latin, double expected) =>
        Assert.Equal(expected, TokenSimilarity.Compute(NameToken.Create(abjad, true, TokenRole.Informative), NameToken.Create(latin, false, TokenRole.Informative)));

    [Fact]
    public void Compute_LatinTypoAgainstATokenAlsoWrittenInArabicScript_IsComparedAsLatinText()
    {
        // "ibrahim" is also the romanisation of إبراهيم, so the index flags it abjad; the typo Ibrhim lacks the long vowel
        // that Arabic script writes, but is still a one-letter slip of the Latin name.
        var similarity = TokenSimilarity.Compute(NameToken.Create("ibrhim", false, TokenRole.Informative), NameToken.Create("ibrahim", true, TokenRole.Informative));
        Assert.InRange(similarity, 0.9, 0.95);
    }

    [Theory]
    [InlineData("k", "c", TokenSimilarity.VariantScore)]
    [InlineData("f", "v", TokenSimilarity.VariantScore)]
    [InlineData("b", "p", TokenSimilarity.VariantScore)]
    [InlineData("j", "g", TokenSimilarity.VariantScore)]
    [InlineData("k", "v", 0.0)]
    public void Compute_LatinLetterWrittenInArabicScript_IsTheSameLetter(string abjad, string latin, double expected) =>
        Assert.Equal(expected, TokenSimilarity.Compute(NameToken.Create(abjad, true, TokenRole.Informative), NameToken.Create(latin, false, TokenRole.Informative)));

    [Fact]
    public void Compute_TwoDifferentLatinLetters_DoNotMatch() =>
        Assert.Equal(0.0, TokenSimilarity.Compute(NameToken.Create("c", false, TokenRole.Informative), NameToken.Create("k", false, TokenRole.Informative)));

    [Theory]
    [InlineData("keng", "kyong", TokenSimilarity.GlideVariantScore)]
    [InlineData("kore", "koryo", TokenSimilarity.GlideVariantScore)]
    [InlineData("sed", "syed", TokenSimilarity.GlideVariantScore)]
    [InlineData("gae", "gaye", TokenSimilarity.GlideVariantScore)]
    [InlineData("aeub", "ayoub", TokenSimilarity.GlideVariantScore)]
    [InlineData("eusef", "yousef", TokenSimilarity.GlideVariantScore)]
    [InlineData("kung", "kyong", 0.0)]
    public void Compute_LatinYeOrYoRomanisedBackFromCyrillicAsE_IsAVariant(string a, string b, double expected) =>
        Assert.Equal(expected, TokenSimilarity.Compute(NameToken.Create(a, false, TokenRole.Informative), NameToken.Create(b, false, TokenRole.Informative)));

    [Theory]
    [InlineData("teshu", "choe", 0.86)]
    [InlineData("teshi", "chi", 0.86)]
    [InlineData("teshi", "chu", 0.0)]
    [InlineData("tesh", "cho", 0.0)]
    public void Compute_ArabicScriptTaShinSyllable_MatchesLatinChWithTheSameVowel(string abjad, string latin, double expected) =>
        Assert.Equal(expected, TokenSimilarity.Compute(NameToken.Create(abjad, true, TokenRole.Informative), NameToken.Create(latin, false, TokenRole.Informative)));
}
