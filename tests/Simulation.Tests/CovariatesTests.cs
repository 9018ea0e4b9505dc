using Simulation.Model.World;
using Simulation.Runner.Calibration;

namespace Simulation.Tests;

/// <summary>The country covariates the demand and geopolitics read: real values, and every gap filled by a named rule.</summary>
public sealed class CovariatesTests
{
    private static CountryProfile C(string iso3) => TestWorld.World.Country(iso3);

    [Fact]
    public void Military_spending_comes_from_sipri_and_gaps_are_imputed_from_gdp_and_named()
    {
        Assert.Equal(1, C("USA").Covariates.MilitaryRank);
        Assert.InRange(C("USA").Covariates.MilitarySpendingUsd, 6e11, 7e11); // SIPRI 2018: USD 649 bn
        Assert.DoesNotContain(C("USA").Covariates.Imputed, s => s.StartsWith("military spending"));
        // Monaco has no SIPRI figure: a tiny imputed budget, said so.
        Assert.Equal(0, C("MCO").Covariates.MilitaryRank);
        Assert.InRange(C("MCO").Covariates.MilitarySpendingUsd, 1e6, 2e8);
        Assert.Contains(C("MCO").Covariates.Imputed, s => s.StartsWith("military spending = GDP"));
        // Costa Rica has no army (SIPRI 0): imputed too, not a zero budget.
        Assert.True(C("CRI").Covariates.MilitarySpendingUsd > 0);
        Assert.Equal(50, TestWorld.World.Countries.Count(c => c.Covariates.MilitaryRank is > 0 and <= 50));
    }

    [Fact]
    public void Non_members_of_the_general_assembly_take_a_named_proxy()
    {
        Assert.Equal(C("JPN").Covariates.UngaIdealPoint, C("TWN").Covariates.UngaIdealPoint);
        Assert.Contains("UNGA ideal point of JPN", C("TWN").Covariates.Imputed);
        Assert.True(C("USA").Covariates.UngaIdealPoint > C("DEU").Covariates.UngaIdealPoint);
        Assert.True(C("DEU").Covariates.UngaIdealPoint > C("CHN").Covariates.UngaIdealPoint);
    }

    [Fact]
    public void Rivals_are_in_opposed_treaty_systems_and_voting_distance_sets_how_much()
    {
        var gap = Alignment.UsaChinaGap(TestWorld.World);
        Assert.Equal(0, Alignment.Rivalry(C("DEU"), C("USA"), gap));
        Assert.Equal(0, Alignment.Rivalry(C("JPN"), C("USA"), gap));
        Assert.True(Alignment.Rivalry(C("DEU"), C("CHN"), gap) > 0.4);
        Assert.Equal(0, Alignment.Rivalry(C("KEN"), C("CHN"), gap)); // non-aligned
        Assert.Equal(0, Alignment.Rivalry(C("BRA"), C("USA"), gap)); // far in UN votes, but no rival
        Assert.True(Alignment.Rivalry(C("BLR"), C("USA"), gap) > 0.5);
        Assert.Equal(1.0, Alignment.Of(C("CHN"), C("CHN"), gap));
    }

    [Fact]
    public void The_countries_the_carnegie_index_covers_are_176_without_the_microstates()
    {
        var index = CountryFilter.Parse("index", TestWorld.World);
        Assert.Equal(176, TestWorld.World.Countries.Count(index));
        Assert.False(index(C("MCO")));
        Assert.False(index(C("TUV")));
        Assert.True(index(C("ISL")));
    }
}
