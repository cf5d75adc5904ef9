# pyvider_siphash KEYHEX MSGHEX: SipHash-2-4 (64-bit) in pure bash 3.2+ (macOS's /bin/bash), builtins only. The launcher
# proves on every start that a running daemon knows the key, and forking od/openssl/java for that would cost more than
# the check. KEYHEX: 32 lowercase hex chars (the 16 key bytes); MSGHEX: an even number of lowercase hex chars. Sets
# pyvider_mac to the 8 result bytes, little-endian, as 16 hex chars (what Bouncy Castle's SipHash.doFinal writes);
# returns 1, pyvider_mac empty, on malformed input.
# Bash arithmetic is signed 64-bit and wraps; >> sign-extends, so each rotation masks off the bits it shifts in. Every
# $((...)) costs a parse, so a block is one comma expression: r is one SipRound, le the little-endian word of the
# 8 bytes read as big-endian halves a and b. LC_ALL=C: bash 3.2 is ~2.5x slower on strings in a UTF-8 locale.
pyvider_siphash() {
  local LC_ALL=C k=${1-} m=${2-} n i=0 a b t x v0 v1 v2 v3 \
    r='v0+=v1, v1=(v1<<13|v1>>51&0x1fff)^v0, v0=v0<<32|v0>>32&0xffffffff,
       v2+=v3, v3=(v3<<16|v3>>48&0xffff)^v2, v0+=v3, v3=(v3<<21|v3>>43&0x1fffff)^v0,
       v2+=v1, v1=(v1<<17|v1>>47&0x1ffff)^v2, v2=v2<<32|v2>>32&0xffffffff' \
    le='(b&0xff)<<56 | (b&0xff00)<<40 | (b&0xff0000)<<24 | (b&0xff000000)<<8 |
        (a&0xff)<<24 | (a&0xff00)<<8 | a>>8&0xff00 | a>>24'
  pyvider_mac= n=${#m}
  case $k$m in *[!0123456789abcdef]*) return 1 ;; esac
  [ ${#k} -eq 32 ] && [ $((n % 2)) -eq 0 ] || return 1
  x=$((a=16#${k:0:8}, b=16#${k:8:8}, v0=$le, a=16#${k:16:8}, b=16#${k:24:8}, v1=$le,
       v2=v0^0x6c7967656e657261, v3=v1^0x7465646279746573, v0^=0x736f6d6570736575, v1^=0x646f72616e646f6d))
  # The last block: the 0..7 remaining bytes, zero padding, and the message length mod 256 as its top byte.
  printf -v x 00000000000000%02x $((n / 2 & 255))
  t=${m:n - n % 16}
  m=$m${x:${#t}}
  while [ $i -lt ${#m} ]; do
    x=$((a=16#${m:i:8}, b=16#${m:i+8:8}, t=$le, v3^=t, $r, $r, v0^=t, i+=16))
  done
  x=$((v2^=0xff, $r, $r, $r, $r, b=v0^v1^v2^v3, a=b>>32&0xffffffff, b&=0xffffffff, $le))
  printf -v pyvider_mac %016x $x
}
