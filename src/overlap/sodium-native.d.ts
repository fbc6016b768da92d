// The few libsodium functions the overlap protocol calls (sodium-native ships no types).
declare module 'sodium-native' {
  const sodium: {
    randombytes_buf(out: Uint8Array): void;
    crypto_core_ed25519_from_uniform(out: Uint8Array, uniform: Uint8Array): void;
    crypto_sign_ed25519_pk_to_curve25519(out: Uint8Array, edwards: Uint8Array): void;
    crypto_scalarmult(out: Uint8Array, scalar: Uint8Array, point: Uint8Array): void;
  };
  export default sodium;
}
