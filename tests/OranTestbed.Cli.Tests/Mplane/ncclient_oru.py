"""An independent NETCONF client (Debian's python3-ncclient) against our emulated O-RU behind sshd.

Usage: ncclient_oru.py HOST PORT USER KEYFILE. Prints one JSON object with what it saw; exit 0 unless ncclient
itself could not run the session.
"""
import json
import sys

from lxml import etree
from ncclient import manager
from ncclient.operations import RPCError
from ncclient.xml_ import to_ele

UP = "urn:o-ran:uplane-conf:1.0"
SUP = "urn:o-ran:supervision:1.0"


def endpoint(list_name, name, eaxc):
    return (f"<{list_name}><name>{name}</name><compression><iq-bitwidth>9</iq-bitwidth>"
            "<compression-type>STATIC</compression-type><compression-method>BLOCK_FLOATING_POINT</compression-method>"
            "</compression><e-axcid><o-du-port-bitmask>49152</o-du-port-bitmask><band-sector-bitmask>16128</band-sector-bitmask>"
            "<ccid-bitmask>240</ccid-bitmask><ru-port-bitmask>15</ru-port-bitmask>"
            f"<eaxc-id>{eaxc}</eaxc-id></e-axcid></{list_name}>")


def main():
    host, port, user, key = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    seen = {}
    with manager.connect(host=host, port=port, username=user, key_filename=key, hostkey_verify=False,
                         allow_agent=False, look_for_keys=False, timeout=30) as m:
        seen["uplane_capabilities"] = sorted(c for c in m.server_capabilities if "module=o-ran-uplane-conf" in c)
        flt = f'<user-plane-configuration xmlns="{UP}"><static-low-level-rx-endpoints/></user-plane-configuration>'
        data = m.get(filter=("subtree", flt)).data_ele
        seen["filtered_children"] = sorted({child.tag.split("}")[1] for top in data for child in top})
        m.create_subscription()
        reset = m.dispatch(to_ele(f'<supervision-watchdog-reset xmlns="{SUP}"><supervision-notification-interval>10'
                                  '</supervision-notification-interval><guard-timer-overhead>5</guard-timer-overhead>'
                                  '</supervision-watchdog-reset>'))
        seen["next_update_at"] = [e.text for e in etree.fromstring(reset.xml.encode()).iter(f"{{{SUP}}}next-update-at")]
        duplicate = (f'<config xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><user-plane-configuration xmlns="{UP}">'
                     + endpoint("low-level-rx-endpoints", "rx-ep-0", 1) + endpoint("low-level-rx-endpoints", "rx-ep-1", 1)
                     + "</user-plane-configuration></config>")
        try:
            m.edit_config(target="running", config=duplicate)
            seen["duplicate_error"] = None
        except RPCError as error:
            seen["duplicate_error"] = {"tag": error.tag, "message": error.message}
    print(json.dumps(seen))


if __name__ == "__main__":
    main()
