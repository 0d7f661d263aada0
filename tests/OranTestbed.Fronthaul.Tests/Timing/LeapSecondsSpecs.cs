using System.Globalization;
using OranTestbed.Fronthaul.Timing;

namespace OranTestbed.Fronthaul.Tests.Timing;

public class LeapSecondsSpecs
{
    private const long S = 1_000_000_000;

    // Verbatim data lines of the IERS leap-seconds.list (NTP seconds since 1900, TAI − UTC), as shipped in Debian
    // tzdata 2025b (/usr/share/zoneinfo/leap-seconds.list, "Updated through IERS Bulletin C", expires 28 June 2026).
    private const string IersList = """
        2272060800	10	# 1 Jan 1972
        2287785600	11	# 1 Jul 1972
        2303683200	12	# 1 Jan 1973
        2335219200	13	# 1 Jan 1974
        2366755200	14	# 1 Jan 1975
        2398291200	15	# 1 Jan 1976
        2429913600	16	# 1 Jan 1977
        2461449600	17	# 1 Jan 1978
        2492985600	18	# 1 Jan 1979
        2524521600	19	# 1 Jan 1980
        2571782400	20	# 1 Jul 1981
        2603318400	21	# 1 Jul 1982
        2634854400	22	# 1 Jul 1983
        2698012800	23	# 1 Jul 1985
        2776982400	24	# 1 Jan 1988
        2840140800	25	# 1 Jan 1990
        2871676800	26	# 1 Jan 1991
        2918937600	27	# 1 Jul 1992
        2950473600	28	# 1 Jul 1993
        2982009600	29	# 1 Jul 1994
        3029443200	30	# 1 Jan 1996
        3076704000	31	# 1 Jul 1997
        3124137600	32	# 1 Jan 1999
        3345062400	33	# 1 Jan 2006
        3439756800	34	# 1 Jan 2009
        3550089600	35	# 1 Jul 2012
        3644697600	36	# 1 Jul 2015
        3692217600	37	# 1 Jan 2017
        """;

    private const long NtpToUnixSeconds = 2_208_988_800;

    [Test]
    public void LeapSeconds_must_equal_the_IERS_leap_seconds_list()
    {
        var lines = IersList.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.That(LeapSeconds.Count, Is.EqualTo(lines.Length));
        for (int i = 0; i < lines.Length; i++)
        {
            var fields = lines[i].Split('\t');
            long unixSeconds = long.Parse(fields[0], CultureInfo.InvariantCulture) - NtpToUnixSeconds;
            int offset = int.Parse(fields[1], CultureInfo.InvariantCulture);

            Assert.That(LeapSeconds.GetEntry(i), Is.EqualTo((unixSeconds * S, offset)), lines[i]);
        }

        // "#@ 3991593600" = expiry, NTP seconds.
        Assert.That(LeapSeconds.ExpiresUtcNs, Is.EqualTo((3_991_593_600 - NtpToUnixSeconds) * S));
    }

    [Test]
    public void LeapSeconds_must_step_from_36_to_37_at_2017_01_01()
    {
        long newYear2017 = 1_483_228_800 * S;

        Assert.That(LeapSeconds.TaiMinusUtcAtUtc(newYear2017 - 1), Is.EqualTo(36));
        Assert.That(LeapSeconds.TaiMinusUtcAtUtc(newYear2017), Is.EqualTo(37));
        Assert.That(LeapSeconds.TaiMinusUtcAtUtc(1_700_000_000 * S), Is.EqualTo(37));
        Assert.That(LeapSeconds.TaiMinusUtcAtUtc(LeapSeconds.FirstUtcNs), Is.EqualTo(10));
        Assert.That(() => LeapSeconds.TaiMinusUtcAtUtc(LeapSeconds.FirstUtcNs - 1),
            Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void TimeScales_must_put_gps_18s_and_tai_37s_ahead_of_utc_since_2017()
    {
        long utc = 1_700_000_000_073_421_875;

        Assert.That(TimeScales.Convert(utc, TimeScale.Utc, TimeScale.Tai), Is.EqualTo(utc + (37 * S)));
        Assert.That(TimeScales.Convert(utc, TimeScale.Utc, TimeScale.Gps), Is.EqualTo(utc + (18 * S)));
        Assert.That(TimeScales.Convert(utc + (18 * S), TimeScale.Gps, TimeScale.Tai), Is.EqualTo(utc + (37 * S)));
        Assert.That(TimeScales.Convert(utc + (37 * S), TimeScale.Tai, TimeScale.Utc), Is.EqualTo(utc));
        Assert.That(TimeScales.GpsMinusUtcAtUtc(utc), Is.EqualTo(18));
    }

    [TestCase(315_964_800L, 0)] // GPS epoch 1980-01-06: TAI − UTC = 19, GPS = UTC
    [TestCase(315_532_799L, -1)] // 1979-12-31T23:59:59, before the 1980 leap second
    [TestCase(1_276_603_200L, 15)] // 2010-06-15: TAI − UTC = 34
    [TestCase(1_435_708_800L, 17)] // 2015-07-01
    [TestCase(1_483_228_799L, 17)] // 2016-12-31T23:59:59
    [TestCase(1_483_228_800L, 18)] // 2017-01-01
    public void TimeScales_must_take_gps_minus_utc_from_the_leap_second_table(long unixSeconds, int gpsMinusUtc)
    {
        Assert.That(TimeScales.GpsMinusUtcAtUtc(unixSeconds * S), Is.EqualTo(gpsMinusUtc));
        Assert.That(TimeScales.Convert(unixSeconds * S, TimeScale.Utc, TimeScale.Gps),
            Is.EqualTo((unixSeconds + gpsMinusUtc) * S));
    }

    [Test]
    public void TimeScales_must_map_the_inserted_leap_second_onto_the_following_second()
    {
        // 2016-12-31T23:59:59.5 UTC = TAI 1 483 228 835.5 (offset 36); the leap second 23:59:60.5 = TAI …836.5 has no
        // Unix value of its own and maps onto 00:00:00.5 (POSIX); 00:00:00.5 = TAI …837.5 (offset 37).
        long half = S / 2;
        Assert.That(TimeScales.FromTai((1_483_228_835 * S) + half, TimeScale.Utc), Is.EqualTo((1_483_228_799 * S) + half));
        Assert.That(TimeScales.FromTai((1_483_228_836 * S) + half, TimeScale.Utc), Is.EqualTo((1_483_228_800 * S) + half));
        Assert.That(TimeScales.FromTai((1_483_228_837 * S) + half, TimeScale.Utc), Is.EqualTo((1_483_228_800 * S) + half));
        Assert.That(TimeScales.ToTai((1_483_228_800 * S) + half, TimeScale.Utc), Is.EqualTo((1_483_228_837 * S) + half));
    }

    [Test]
    public void TimeScales_must_round_trip_every_utc_instant_through_tai_and_gps()
    {
        for (int i = 0; i < LeapSeconds.Count; i++)
        {
            long start = LeapSeconds.GetEntry(i).StartUtcNs;
            foreach (long utc in new[] { start - S, start - 1, start, start + 1, start + S })
            {
                if (utc < LeapSeconds.FirstUtcNs)
                {
                    continue;
                }

                long gps = TimeScales.Convert(utc, TimeScale.Utc, TimeScale.Gps);
                Assert.That(TimeScales.Convert(gps, TimeScale.Gps, TimeScale.Utc), Is.EqualTo(utc), $"row {i}");
                Assert.That(TimeScales.Convert(gps, TimeScale.Gps, TimeScale.Tai) - gps, Is.EqualTo(19 * S));
            }
        }
    }
}
