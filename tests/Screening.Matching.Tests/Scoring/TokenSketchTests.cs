using Screening.Matching.Normalisation;
using Screening.Matching.Scoring;

namespace Screening.Matching.Tests.Scoring;

public sealed class TokenSketchTests
{
    // Names in several scripts, with spelling variants, typos, glide and "ye" spellings, initials and numbers: every pair
    // of their tokens is checked.
    private static readonly string[] Names =
    [
        "Mohammed Muhammad Mohamad Mahmoud Muhamad Mohammad", "Hashem Khadem Hussein Hassan Husayn Hasan Husein",
        "Vladimir Vladimirovich Ivanov Ivanova Iwanow", "Saddam al-Tikriti Takriti", "Abd al-Rahman Abdulrahman Abdurrahman",
        "Qairat Kairat Kayrat Alikhan Alihan Alykhan", "Yusuf Jusuf Yousef Joseph Maja Maya Jamal Yamal",
        "Kyong Keng Koryo Kore Syed Sed Ayoub Aeub", "Petrochemical Petrochem Petrochemicals Trading Tradnig",
        "Ocean Star 12 Star 21 Vessel 9187629 9187692", "J R R Tolkien John Ronald", "Martha Marhta Dwayne Duane Dixon Dickson",
        "محمد ادريس صدام حسين التكريتي عبد الرحمن", "Талибан Қайрат Әлихан Владимир Иванов Кён", "Zimbabwe Iron Steel Company",
        "Xi Jinping Kim Jong Un Chong Chon", "Aaaa Aaab Abcd Dcba Zzzzzzzz",
        "Ali Aly Wei Vei Yas Ias Kyu Kiu Li Lee", "سليمان سليمن Sulaiman Salman Suleiman هوتما Hawatma Haytham محمود Mahmoud",
        "تشو تشي Choe Chu Chi الكسندر Aleksandr Alexander ثاقب Saqib Thaqib ذاكر Zakir فضل Fazl Fadl", "عبدالحی Abdul Hai حبيب الله Habibullah",
        "اسحاق Ishaq ازهر Azhar ياتسينكو Yatsenko جميل Djamel Jamil طلحة Talhah عيسى Isa فوزي Fawzi", "السيد Elsayed الشمري Alshammari Shammari",
    ];

    [Fact]
    public void CertainlyUnlike_OnlyForPairsComputeScoresZero()
    {
        // Word by word: a name keeps only its first InputLimits.MaxTokensPerName tokens.
        var tokens = Names.SelectMany(n => n.Split(' ')).SelectMany(w => NameNormaliser.Normalise(w).Tokens)
            .Concat(Names.SelectMany(n => NameNormaliser.Normalise(n).Tokens))
            .Distinct().ToList();
        Assert.Contains(tokens, t => t.Abjad);
        Assert.Contains(tokens, t => t.ArticleConsonants is not null);
        int unlike = 0, abjadUnlike = 0;
        foreach (var a in tokens)
        {
            foreach (var b in tokens)
            {
                if (TokenSketch.CertainlyUnlike(new TokenSketch(a), new AbjadSketch(a), new TokenSketch(b), new AbjadSketch(b)))
                {
                    unlike++;
                    abjadUnlike += a.Abjad || b.Abjad ? 1 : 0;
                    Assert.True(TokenSimilarity.Compute(a, b) == 0, $"{a.Text} / {b.Text}: sketch says unlike, Compute {TokenSimilarity.Compute(a, b)}");
                }
            }
        }

        // Most pairs of different names are told apart by the sketch, or it saves nothing.
        Assert.True(unlike > tokens.Count * tokens.Count / 2, $"{unlike} of {tokens.Count * tokens.Count} pairs");
        Assert.True(abjadUnlike > 0, "no pair with an abjad token was told apart");
    }

    [Theory]
    [InlineData("mohammed", "muhammad")]
    [InlineData("ivanov", "iwanow")]
    [InlineData("tradnig", "trading")]
    [InlineData("yusuf", "jusuf")]
    [InlineData("j", "john")]
    [InlineData("9187629", "9187629")]
    [InlineData("wei", "vei")]
    [InlineData("ali", "aly")]
    [InlineData("سليمان", "sulaiman")]
    [InlineData("محمد", "mohammed")]
    [InlineData("تشو", "chu")]
    [InlineData("ثاقب", "saqib")]
    public void CertainlyUnlike_NeverForSimilarTokens(string a, string b)
    {
        var x = NameNormaliser.Normalise(a).Tokens.Single();
        var y = NameNormaliser.Normalise(b).Tokens.Single();
        Assert.True(TokenSimilarity.Compute(x, y) > 0);
        Assert.False(TokenSketch.CertainlyUnlike(new TokenSketch(x), new AbjadSketch(x), new TokenSketch(y), new AbjadSketch(y)));
    }
}
