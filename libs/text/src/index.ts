export { normalizeArabic, normalizeCharAt, normalizeForMatching } from './normalize/arabic-normalizer';
