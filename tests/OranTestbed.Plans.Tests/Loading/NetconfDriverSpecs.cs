using OranTestbed.Plans.Lab;
using static OranTestbed.Plans.Tests.Support.PlanText;

namespace OranTestbed.Plans.Tests.Loading;

/// <summary><c>driver: {netconf: ...}</c>: an O-RU on the M-plane, credentials by reference only, the host key always checked
/// one stated way.</summary>
public class NetconfDriverSpecs
{
    private const string X = Root + "/lab/vendors/xylem.yaml:";

    private static readonly string[] Xr =
    [
        "name: Xylem",
        "products:",
        "  - id: xr-9",
        "    role: o-ru",
        "    model: XR-9",
        "    versions: {hardware: \"1\", software: \"1\", firmware: \"1\"}",
        "    capabilities:",
        "      bands: [n78]",
        "      max-bandwidth: 100MHz",
        "      numerologies: [1]",
        "      categories: [A]",
        "      compression: [{method: bfp, widths: [9]}]",
        "      eaxc-id-bits: [{du-port: 2, band-sector: 6, cc: 4, ru-port: 4}]",
        "      section-types: [1, 3]",
        "      mtu: 9000",
        "      link-speeds: [25G]",
        "      sync-topologies: [lls-c3]",
        "      m-plane-profiles: [hierarchical-sudo]",
        "    driver:",                                                            // 19
        "      netconf:",                                                         // 20
        "        host: 10.20.0.31",                                               // 21
        "        user: oranlab",                                                  // 22
        "        password-env: XR9_PASSWORD",                                     // 23
        "        known-hosts: lab/known_hosts",                                   // 24
        "        rpc-timeout: 10s",                                               // 25
    ];

    [Test]
    public void A_netconf_driver_must_load_with_its_defaults()
    {
        var plan = Mini().File("lab/vendors/xylem.yaml", Xr).Plus(Operator).Load();
        var driver = (NetconfDriver)plan.Lab.FindProduct("xylem/xr-9")!.Driver;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(driver.Host, Is.EqualTo("10.20.0.31"));
            Assert.That(driver.Port, Is.EqualTo(830));
            Assert.That(driver.Credentials, Is.EqualTo(new NetconfCredentials("XR9_PASSWORD", null, null)));
            Assert.That(driver.HostKey, Is.EqualTo(new NetconfHostKey("lab/known_hosts", null, false)));
            Assert.That(driver.RpcTimeout, Is.EqualTo(TimeSpan.FromSeconds(10)));
            Assert.That(driver.SupervisionInterval, Is.EqualTo(TimeSpan.FromSeconds(60)));
            Assert.That(driver.Describe(), Is.EqualTo("oranlab@10.20.0.31:830"));
        }
    }

    [Test]
    public void A_netconf_driver_may_wait_for_a_call_home_with_a_key_and_a_pinned_host_key()
    {
        var plan = Mini().File("lab/vendors/xylem.yaml", Xr)
            .With("lab/vendors/xylem.yaml", 21, "        call-home: true")
            .With("lab/vendors/xylem.yaml", 23, "        key-file: lab/keys/oranlab")
            .With("lab/vendors/xylem.yaml", 24, "        host-key: SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s")
            .Plus(Operator).Load();
        var driver = (NetconfDriver)plan.Lab.FindProduct("xylem/xr-9")!.Driver;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(driver.CallHome, Is.True);
            Assert.That(driver.Host, Is.Null);
            Assert.That(driver.Credentials.KeyFile, Is.EqualTo("lab/keys/oranlab"));
            Assert.That(driver.HostKey.Fingerprint, Does.StartWith("SHA256:"));
            Assert.That(driver.Describe(), Is.EqualTo("oranlab@(call home on 4334)"));
        }
    }

    [Test]
    public void A_netconf_driver_must_refuse_a_password_in_the_plan_and_an_unchecked_host_key()
    {
        var errors = Mini().File("lab/vendors/xylem.yaml", Xr)
            .With("lab/vendors/xylem.yaml", 23, "        password: hunter2")
            .With("lab/vendors/xylem.yaml", 25, "        port: 70000")
            .With("lab/vendors/xylem.yaml", 24, "        host-key: MD5:aa:bb")
            .Plus(Operator).Errors();

        Assert.That(errors, Is.EqualTo(new[]
        {
            X + "23:19: products[0].driver.netconf.password: never write a password in a plan: name the environment variable that holds it (password-env: VAR)",
            X + "24:19: products[0].driver.netconf.host-key: 'MD5:aa:bb' is not a SHA-256 host key fingerprint as ssh-keygen -lf prints it (SHA256: and 43 base64 characters)",
            X + "25:15: products[0].driver.netconf.port: 70000 is outside 1..65535",
        }));
        Assert.That(string.Join("\n", errors), Does.Not.Contain("hunter2"), "a secret written by mistake is not repeated");
    }

    [Test]
    public void A_netconf_driver_must_say_how_it_authenticates_and_checks_the_host_key()
    {
        var errors = Mini().File("lab/vendors/xylem.yaml", Xr)
            .With("lab/vendors/xylem.yaml", 23, "        passphrase-env: 1BAD")
            .With("lab/vendors/xylem.yaml", 24, "        insecure-accept-host-key: false")
            .Plus(Operator).Errors();

        Assert.That(errors, Is.EqualTo(new[]
        {
            X + "22:15: products[0].driver.netconf.user: give one of password-env (an environment variable) or key-file",
            X + "22:15: products[0].driver.netconf.user: say how the O-RU's host key is checked: one of known-hosts (a file), host-key (SHA256:...) or insecure-accept-host-key: true",
            X + "23:25: products[0].driver.netconf.passphrase-env: '1BAD' is not an environment variable name (letters, digits, _)",
        }));
    }

    [Test]
    public void A_netconf_driver_must_load_its_other_accounts_by_reference()
    {
        var plan = Mini().File("lab/vendors/xylem.yaml", [.. Xr,
            "        accounts:",                                                      // 26
            "          fm-pm: {user: fmpm, password-env: XR9_FMPM_PASSWORD}",         // 27
            "          nms: {user: nms, key-file: lab/keys/nms}",                     // 28
        ]).Plus(Operator).Load();
        var driver = (NetconfDriver)plan.Lab.FindProduct("xylem/xr-9")!.Driver;

        Assert.That(driver.Accounts, Is.EqualTo(new Dictionary<string, NetconfAccount>
        {
            ["fm-pm"] = new("fmpm", new NetconfCredentials("XR9_FMPM_PASSWORD", null, null)),
            ["nms"] = new("nms", new NetconfCredentials(null, "lab/keys/nms", null)),
        }));
    }

    [Test]
    public void A_netconf_account_must_refuse_a_password_and_need_a_user_and_credentials()
    {
        var errors = Mini().File("lab/vendors/xylem.yaml", [.. Xr,
            "        accounts:",                                                      // 26
            "          fm-pm: {user: fmpm, password: hunter2}",                       // 27
            "          NMS: {user: nms, key-file: k}",                                // 28
            "          swm: {key-file: k}",                                           // 29
        ]).Plus(Operator).Errors();

        Assert.That(errors, Is.EqualTo(new[]
        {
            X + "27:41: products[0].driver.netconf.accounts.fm-pm.password: never write a password in a plan: name the environment variable that holds it (password-env: VAR)",
            X + "28:11: products[0].driver.netconf.accounts: 'NMS' is not an account name (kebab case, e.g. fm-pm)",
            X + "29:16: products[0].driver.netconf.accounts.swm.user: required key is missing: the SSH user of the account",
        }));
        Assert.That(string.Join("\n", errors), Does.Not.Contain("hunter2"));
    }
}
