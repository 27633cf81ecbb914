// Test-only TLS material for the sender's HTTPS tests; never trusted outside them (this
// folder is excluded from the build). An EC P-256 test CA and, signed by it, a certificate for
// `localhost` and `127.0.0.1` valid from 2000 to 2125, and the same certificate expired in
// 2001. Made once with `openssl ca` (`-startdate`/`-enddate`, so that a machine whose clock
// is wrong still accepts it) because openssl is not on every machine the tests run on.

/** The test CA: trusted by a sender only through its `ca` option. */
export const TEST_CA_CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIBjzCCATagAwIBAgICEAAwCgYIKoZIzj0EAwIwLjEsMCoGA1UEAwwjQ3VzdG9t
ZXIgV29ya3NwYWNlIHdlYmhvb2tzIHRlc3QgQ0EwIBcNMDAwMTAxMDAwMDAwWhgP
MjEyNTAxMDEwMDAwMDBaMC4xLDAqBgNVBAMMI0N1c3RvbWVyIFdvcmtzcGFjZSB3
ZWJob29rcyB0ZXN0IENBMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE9cXqLC9Z
DIJ/rvTlxe8LiSbHXCrLfqrHcu6Anb/oTkDwqUhfljdm8cnal8057HvOWEvHaM68
lr2eXkoO3n01P6NCMEAwDwYDVR0TAQH/BAUwAwEB/zAOBgNVHQ8BAf8EBAMCAQYw
HQYDVR0OBBYEFBrq87gCVMc6UmDcl8Ph4WypnrJCMAoGCCqGSM49BAMCA0cAMEQC
IGmuRvDjYt2tDMcjPiV6nlURx5PvvvdNW3DgC/XMUGljAiBvZp+A53ot+tQ9Y4i0
kWOTZZ17TpmdMF87ZJSUQaWzBg==
-----END CERTIFICATE-----
`;

/** The key of both server certificates below. */
export const TEST_SERVER_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgy3KG8h0gRbzU9xO0
TyK0LAb1ZCwv0ejWhyw7QJGnY8ShRANCAASdUaMZT8pKaDZPUG/dlDEmh7OPjf4Y
/WbSA77m8r5EudeWjR5EQclH4+nCbWk8WGGzCVoln1l9whtWlxDZ0w6O
-----END PRIVATE KEY-----
`;

/** For `localhost` and `127.0.0.1`, signed by the test CA, valid 2000–2125. */
export const TEST_SERVER_CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIBxTCCAWqgAwIBAgICEAEwCgYIKoZIzj0EAwIwLjEsMCoGA1UEAwwjQ3VzdG9t
ZXIgV29ya3NwYWNlIHdlYmhvb2tzIHRlc3QgQ0EwIBcNMDAwMTAxMDAwMDAwWhgP
MjEyNTAxMDEwMDAwMDBaMBQxEjAQBgNVBAMMCWxvY2FsaG9zdDBZMBMGByqGSM49
AgEGCCqGSM49AwEHA0IABJ1RoxlPykpoNk9Qb92UMSaHs4+N/hj9ZtIDvubyvkS5
15aNHkRByUfj6cJtaTxYYbMJWiWfWX3CG1aXENnTDo6jgY8wgYwwGgYDVR0RBBMw
EYIJbG9jYWxob3N0hwR/AAABMAkGA1UdEwQCMAAwDgYDVR0PAQH/BAQDAgeAMBMG
A1UdJQQMMAoGCCsGAQUFBwMBMB8GA1UdIwQYMBaAFBrq87gCVMc6UmDcl8Ph4Wyp
nrJCMB0GA1UdDgQWBBRKyjT8garAbFIEBVjQmnR7UI+w2zAKBggqhkjOPQQDAgNJ
ADBGAiEAo3CatrrZpO+3pqAtJYsuE7nQweOIwCMnvXJns4W9AD4CIQCgkETVm3Qu
FVngtF9beoz0miRKeG+qe34qiGRvs71m7w==
-----END CERTIFICATE-----
`;

/** The same names and key, signed by the test CA, expired since 2001. */
export const EXPIRED_SERVER_CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIBwTCCAWigAwIBAgICEAIwCgYIKoZIzj0EAwIwLjEsMCoGA1UEAwwjQ3VzdG9t
ZXIgV29ya3NwYWNlIHdlYmhvb2tzIHRlc3QgQ0EwHhcNMDAwMTAxMDAwMDAwWhcN
MDEwMTAxMDAwMDAwWjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIB
BggqhkjOPQMBBwNCAASdUaMZT8pKaDZPUG/dlDEmh7OPjf4Y/WbSA77m8r5EudeW
jR5EQclH4+nCbWk8WGGzCVoln1l9whtWlxDZ0w6Oo4GPMIGMMBoGA1UdEQQTMBGC
CWxvY2FsaG9zdIcEfwAAATAJBgNVHRMEAjAAMA4GA1UdDwEB/wQEAwIHgDATBgNV
HSUEDDAKBggrBgEFBQcDATAfBgNVHSMEGDAWgBQa6vO4AlTHOlJg3JfD4eFsqZ6y
QjAdBgNVHQ4EFgQUSso0/IGqwGxSBAVY0Jp0e1CPsNswCgYIKoZIzj0EAwIDRwAw
RAIgebZhx2CD74NVLwRJtlAk3tGbm1Z8feLCAFIhmF8A0vQCIH8/1qRB/Hp0oeke
s8dDhtH+FCCWjSUPkeN+ZljMhbG3
-----END CERTIFICATE-----
`;
