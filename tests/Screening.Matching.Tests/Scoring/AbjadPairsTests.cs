using Screening.Matching.Normalisation;
using Screening.Matching.Scoring;

namespace Screening.Matching.Tests.Scoring;

public sealed class AbjadPairsTests
{
    // Arabic-script names with articles, written long vowels, kh, تش, single letters and digits, and Latin names that
    // share their skeletons or nearly (vowels that do or do not fit, x, j, ye, kh written h, final long vowels).
    private static readonly string[] Names =
    [
        "محمد محمود مهدي احمد حامد حميد Mohammed Muhammad Mohamad Mahmoud Mehdi Mahdi Ahmad Ahmed Hamid Hamed Humaid",
        "سليمان سليمن Sulaiman Salman Suleiman Sleiman هوتما Hawatma Haytham", "الكسندر Aleksandr Alexander Alexandre اليم Aleem Alim",
        "السيد Elsayed Sayed الشمري Alshammari Shammari الفردو Alfredo", "تشو تشي Choe Chu Chi Cho Shu", "ثاقب Saqib Thaqib ذاكر Zakir Dhakir فضل Fazl Fadl",
        "خالد Khalid Halid Khaled هين Khun Hin حسين Hussein Husayn Hasan Hassan", "عبدالحی Abdul Hai عبد الرحمن Abdulrahman حبيب الله Habibullah",
        "اسحاق Ishaq ازهر Azhar ياتسينكو Yatsenko جميل Djamel Jamil طلحة Talhah عيسى Isa عیسی فوزي Fawzi Fauzi",
        "بنيني Benini Ben سامي Sami Sam ثيني Thini تن Tan Tun الفارو Alvaro حمدي Hamdy Hamdi", "إجني جان Eugenio Jan Jean Yan Ivan",
        "س ا دي ك ف S A de C V ك ف Co", "سيغلو XXI Siglo 21 Xerxes Maxx ماكس Max", "Yusuf Jusuf Yousef يوسف Kyong Keng كيونغ Syed Sed سيد",
        "إنجنيرنج Engineering كمبني Company تردنج Trading Tradnig", "ابو Abu Abou بو Bu علي Ali Aly Alee",
    ];

    private static List<NameToken> Tokens() =>
        Names.SelectMany(n => n.Split(' ')).SelectMany(w => NameNormaliser.Normalise(w).Tokens)
            .Concat(Names.SelectMany(n => NameNormaliser.Normalise(n).Tokens))
            .Distinct().ToList();

    [Fact]
    public void TryScore_WhereItDecides_EqualsCompute()
    {
        var tokens = Tokens();
        var abjad = tokens.Where(t => t.Abjad).ToList();
        Assert.Contains(abjad, t => t.ArticleConsonants is not null);
        Assert.Contains(abjad, t => t.Text.Length == 1);
        int latinPairs = 0, decided = 0, decidedPositive = 0;
        foreach (var a in abjad)
        {
            var query = new AbjadQuery(a);
            foreach (var b in tokens)
            {
                latinPairs += b.Abjad ? 0 : 1;
                if (AbjadPairs.TryScore(query, new LatinView(b), out var similarity))
                {
                    Assert.False(b.Abjad, $"{a.Text} / {b.Text}: a pair of two abjad tokens is left to Compute");
                    Assert.True(TokenSimilarity.Compute(a, b) == similarity, $"{a.Text} / {b.Text}: views {similarity}, Compute {TokenSimilarity.Compute(a, b)}");
                    decided++;
                    decidedPositive += similarity > 0 ? 1 : 0;
                }
            }
        }

        // The views decide most pairs with a Latin token, similar ones included, or they save nothing.
        Assert.True(decided > latinPairs * 3 / 4, $"{decided} of {latinPairs} pairs decided");
        Assert.True(decidedPositive > 20, $"{decidedPositive} similar pairs decided");
    }

    [Theory]
    [InlineData("سليمان", "sulaiman", TokenSimilarity.AbjadScore)] // same skeleton, the written long vowels fit
    [InlineData("محمود", "mahmoud", TokenSimilarity.AbjadScore)]
    [InlineData("محمد", "mohammed", TokenSimilarity.AbjadScore)] // no written long vowel: any vowels fit
    [InlineData("محمود", "said", 0.0)] // different skeleton
    [InlineData("ثاقب", "saqib", TokenSimilarity.LooseAbjadScore)] // Persian reading of ث
    [InlineData("هين", "khun", 0.0)] // ه is not خ
    [InlineData("بنيني", "ben", 0.0)] // a written final long vowel
    [InlineData("ف", "v", TokenSimilarity.VariantScore)] // one letter in both scripts (Arabic script writes v with ف)
    [InlineData("س", "sami", TokenSimilarity.InitialScore)]
    public void TryScore_DecidesTheCommonRules(string abjadText, string latinText, double expected)
    {
        var a = NameNormaliser.Normalise(abjadText).Tokens.Single();
        var b = NameNormaliser.Normalise(latinText).Tokens.Single();

        Assert.True(AbjadPairs.TryScore(new AbjadQuery(a), new LatinView(b), out var similarity));
        Assert.Equal(expected, similarity);
        Assert.Equal(TokenSimilarity.Compute(a, b), similarity);
    }

    [Fact]
    public void TryScore_SplitArticle_MatchesTheLatinWordWrittenWithIt()
    {
        // الكسندر: the article is split off (al ksndr), but Aleksandr has no article; the skeleton with it (lksndr) matches.
        var a = NameNormaliser.Normalise("الكسندر").Tokens.Last();
        var b = NameNormaliser.Normalise("Aleksandr").Tokens.Single();
        Assert.NotNull(a.ArticleConsonants);

        Assert.True(AbjadPairs.TryScore(new AbjadQuery(a), new LatinView(b), out var similarity));
        Assert.Equal(TokenSimilarity.LooseAbjadScore, similarity);
    }

    [Theory]
    [InlineData("سامي", "sami")] // same text: left to Compute (equal hashes could be a collision)
    [InlineData("محمود", "mohamed")] // same skeleton, the long vowel does not fit: compared as Latin text
    [InlineData("محمد", "محمد")] // two abjad tokens
    public void TryScore_LeavesTheRestToCompute(string abjadText, string otherText)
    {
        var a = NameNormaliser.Normalise(abjadText).Tokens.Single();
        var b = NameNormaliser.Normalise(otherText).Tokens.Single();

        Assert.False(AbjadPairs.TryScore(new AbjadQuery(a), new LatinView(b), out _));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("abcdefghjk")]
    [InlineData("SZksl")]
    public void TryPack_ExactForShortSkeletons(string skeleton)
    {
        Assert.True(AbjadPairs.TryPack(skeleton, out var packed));
        Assert.True(AbjadPairs.TryPack(skeleton.ToUpperInvariant() == skeleton ? skeleton.ToLowerInvariant() : skeleton.ToUpperInvariant(), out var other));
        Assert.NotEqual(packed, other);
        Assert.True(AbjadPairs.TryPack(skeleton[..^1], out var shorter));
        Assert.NotEqual(packed, shorter);
        Assert.False(AbjadPairs.TryPack("abcdefghjkl", out _)); // more than 10 letters
        Assert.False(AbjadPairs.TryPack("a1", out _));
    }

    [Fact]
    public void LatinView_IsFiftySixBytes()
    {
        // One per vocabulary token of every segment: its size is index memory.
        Assert.Equal(56, System.Runtime.CompilerServices.Unsafe.SizeOf<LatinView>());
    }
}
