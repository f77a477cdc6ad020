#!/usr/bin/env bash
# Verifies a Lectern certificate with curl, jq, openssl and coreutils only: the credential's RS256
# signature against the issuer's published key, its validity date, and its bit in the signed
# revocation status list. Usage:
#   verify-certificate.sh https://lectern.example/api/v1/certificates/verify/<id>      (a verify URL / QR code)
#   verify-certificate.sh https://lectern.example path/to/credential.jwt                (a credential you were given)
# Prints VALID or REVOKED and exits 0, or prints why and exits 1.
set -euo pipefail

b64url_decode() { # base64url without padding -> bytes
  local s="$1"
  while [ $(( ${#s} % 4 )) -ne 0 ]; do s="$s="; done
  printf '%s' "$s" | basenc --base64url -d
}

check_jws() { # check_jws JWT BASE -> verifies the signature with the key its header names; prints the payload
  local jwt="$1" base="$2" header kid alg tmp
  header=$(b64url_decode "$(cut -d. -f1 <<<"$jwt")")
  alg=$(jq -r .alg <<<"$header")
  kid=$(jq -r .kid <<<"$header")
  [ "$alg" = RS256 ] || { echo "INVALID: algorithm $alg is not RS256" >&2; return 1; }
  case "$kid" in "$base"/api/v1/certificates/jwks.json\#*) ;; *) echo "INVALID: key $kid is not this issuer's" >&2; return 1 ;; esac
  tmp=$(mktemp -d)
  curl -fsS "$base/api/v1/certificates/keys/${kid##*#}.pem" >"$tmp/key.pem"
  printf '%s' "$(cut -d. -f1,2 <<<"$jwt")" >"$tmp/signed"
  b64url_decode "$(cut -d. -f3 <<<"$jwt")" >"$tmp/sig"
  if ! openssl dgst -sha256 -verify "$tmp/key.pem" -signature "$tmp/sig" "$tmp/signed" >/dev/null; then
    rm -rf "$tmp"; echo "INVALID: the signature does not match the issuer's key" >&2; return 1
  fi
  rm -rf "$tmp"
  b64url_decode "$(cut -d. -f2 <<<"$jwt")"
}

arg="$1"
if [ $# -ge 2 ]; then
  base="${1%/}"; jwt=$(tr -d ' \n' <"$2")
else
  base="${arg%%/api/v1/certificates/*}"
  jwt=$(curl -fsS "$arg" | jq -r '.credential // empty')
  [ -n "$jwt" ] || { echo "UNKNOWN: the issuer has no such certificate" >&2; exit 1; }
fi

payload=$(check_jws "$jwt" "$base") || exit 1
[ "$(jq -r .iss <<<"$payload")" = "$base" ] || { echo "INVALID: issued by $(jq -r .iss <<<"$payload"), not $base" >&2; exit 1; }
nbf=$(jq -r .nbf <<<"$payload")
[ "$nbf" -le "$(date +%s)" ] || { echo "INVALID: not valid before $(date -ud "@$nbf")" >&2; exit 1; }

index=$(jq -r .credentialStatus.statusListIndex <<<"$payload")
list_url=$(jq -r .credentialStatus.statusListCredential <<<"$payload")
[ "${list_url%%/api/v1/*}" = "$base" ] || { echo "INVALID: status list $list_url is not the issuer's" >&2; exit 1; }
list_payload=$(check_jws "$(curl -fsS "$list_url")" "$base") || exit 1
byte=$(jq -r .credentialSubject.encodedList <<<"$list_payload" | cut -c2- | { read -r s; b64url_decode "$s"; } \
  | gunzip | od -An -tu1 -j $(( index / 8 )) -N1 | tr -d ' ')
bit=$(( (byte >> (7 - index % 8)) & 1 ))

jq -r '"\(.credentialSubject.name): \(.credentialSubject.achievement.name), issued \(.validFrom) by \(.issuer.name)"' <<<"$payload"
if [ "$bit" -eq 1 ]; then echo REVOKED; else echo VALID; fi
