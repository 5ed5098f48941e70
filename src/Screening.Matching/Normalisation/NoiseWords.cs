using System.Collections.Frozen;

namespace Screening.Matching.Normalisation;

/// <summary>Words that neither create nor block a match by themselves: honorifics, legal forms, particles, stop-words (all romanised, lower case).</summary>
internal static class NoiseWords
{
    private static readonly FrozenDictionary<string, TokenRole> Roles = Build();

    /// <summary>The role of a romanised token.</summary>
    public static TokenRole RoleOf(string token) =>
        Roles.TryGetValue(token, out var role) ? role : TokenRole.Informative;

    private static FrozenDictionary<string, TokenRole> Build()
    {
        var roles = new Dictionary<string, TokenRole>(StringComparer.Ordinal);
        void Add(TokenRole role, string words)
        {
            foreach (var w in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                roles[w] = role;
            }
        }

        Add(TokenRole.Honorific,
            "mr mrs ms miss mister dr doctor prof professor sir madam dame lord lady rev reverend hon honorable excellency " +
            "haji hajji hadji hajj alhaji alhadji alhaj hajia hajiya mullah mulla molla mollah maulavi maulvi mawlawi mawlavi " +
            "moulavi molvi maulana mawlana moulana sheikh shaikh sheik shaykh cheikh sheykh qari mufti ayatollah hojatoleslam " +
            "ustad ustadh ustaz gen general col colonel capt captain lt lieutenant maj sgt sergeant cmdr commander adm admiral " +
            "brig brigadier eng engineer gospodin gospozha");
        Add(TokenRole.LegalForm,
            "llc ltd limited inc incorporated corp corporation co company plc gmbh mbh ag kg kgaa sa sas sarl srl spa sl bv nv " +
            "ab asa oy oyj kft zrt nyrt doo dd ooo oao zao pao ao too tov pat prat chp ip odo uue gup fgup mup " +
            "jsc ojsc cjsc pjsc llp lp pte pvt sdn bhd fze fzco fzc fzllc est wll spc saoc saog qsc psc pjs tbk " +
            "lda ltda cia sae sal");
        Add(TokenRole.Particle, "al el ul il bin ibn bint binti bte ould van von der den de del della di du da dos das le la");
        Add(TokenRole.StopWord, "the of and for an und et aka fka nee");
        return roles.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
