#include "dedup/near_dup.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/hash.h"

namespace tg::dedup {
namespace {

// Slow reference: the exact set of k-word shingles of `text`, computed from
// NormalizeForHash independently of MinHasher's own shingling.
std::vector<std::string> ShingleSet(std::string_view text, int k) {
  const std::string norm = NormalizeForHash(text);
  std::vector<std::string> words;
  size_t start = 0;
  while (start < norm.size()) {
    size_t space = norm.find(' ', start);
    if (space == std::string::npos) space = norm.size();
    words.push_back(norm.substr(start, space - start));
    start = space + 1;
  }
  std::set<std::string> shingles;
  if (words.size() < static_cast<size_t>(k)) {
    shingles.insert(norm);
  } else {
    for (size_t i = 0; i + k <= words.size(); ++i) {
      std::string s = words[i];
      for (int j = 1; j < k; ++j) s += " " + words[i + j];
      shingles.insert(s);
    }
  }
  return {shingles.begin(), shingles.end()};
}

double ExactJaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> common;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
  const size_t uni = a.size() + b.size() - common.size();
  return uni == 0 ? 1.0 : static_cast<double>(common.size()) / static_cast<double>(uni);
}

// Synthetic news-like text: sentences of words drawn from a fixed vocabulary.
class TextGen {
 public:
  explicit TextGen(uint32_t seed) : rng_(seed) {}
  std::string Word() {
    static const char* const kSyllables[] = {"ka",  "lo", "mi", "ter", "son", "ra", "ve",
                                             "dan", "el", "po", "sur", "in",  "ox", "tu"};
    std::uniform_int_distribution<int> n(2, 4);
    std::uniform_int_distribution<int> s(0, 13);
    std::string w;
    for (int i = n(rng_); i > 0; --i) w += kSyllables[s(rng_)];
    return w;
  }
  std::vector<std::string> Words(int count) {
    std::vector<std::string> out;
    for (int i = 0; i < count; ++i) out.push_back(Word());
    return out;
  }
  std::mt19937& rng() { return rng_; }

 private:
  std::mt19937 rng_;
};

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += (i % 12 == 0) ? ".\n" : " ";
    out += words[i];
  }
  return out + ".";
}

TEST(NormalizeForHashTest, FoldsCaseSpacingAndPunctuation) {
  EXPECT_EQ(NormalizeForHash("  Samsung,  LG\n\nand SK-Hynix!  "), "samsung lg and sk hynix");
  EXPECT_EQ(NormalizeForHash("“회장이” 말했다."), "회장이 말했다");
  EXPECT_EQ(NormalizeForHash(""), "");
  EXPECT_EQ(ExactTextHash("Lee met Choi.\nThey talked."),
            ExactTextHash("lee met choi they talked"));
  EXPECT_NE(ExactTextHash("Lee met Choi."), ExactTextHash("Lee met Chey."));
  EXPECT_EQ(ExactTextHash("x"), Hash64("x"));
}

TEST(MinHasherTest, SignatureHasConfiguredLengthAndIsDeterministic) {
  MinHasher a;
  MinHasher b;
  const std::string text = "The chairman met the president in Seoul on Friday to discuss chips.";
  const Signature sa = a.Compute(text);
  EXPECT_EQ(sa.size(), 128u);
  EXPECT_EQ(sa, b.Compute(text));
  EXPECT_EQ(a.BandKeys(sa), b.BandKeys(sa));
  EXPECT_EQ(a.BandKeys(sa).size(), 16u);
}

TEST(MinHasherTest, HashAndComputeGivesBothHashesOfTheSeparateCalls) {
  const MinHasher hasher;
  static const char* kTexts[] = {
      "",
      "One",
      "Two words",
      "  Leading, trailing and   repeated spaces; punctuation!  ",
      "Orvane Motors chief Kessa Dray met Ilvane Bank chair Tomo Reyes in Incheon on Monday.\n"
      "The two discussed a battery plant worth 300 million dollars.",
      "ì¸ë¦°ì ì íëì¤ "
      "ëíê° SKíì´ëì¤ "
      "ÃLAN ÎÎÎ ÐÐ xÿy 3.5%",
  };
  for (const char* text : kTexts) {
    Signature signature;
    const uint64_t hash = hasher.HashAndCompute(text, &signature);
    EXPECT_EQ(hash, ExactTextHash(text)) << text;
    EXPECT_EQ(signature, hasher.Compute(text)) << text;
  }
}

TEST(MinHasherTest, IdenticalTextsEstimateOne) {
  MinHasher hasher;
  TextGen gen(1);
  const std::string text = Join(gen.Words(400));
  // Case, spacing and punctuation do not change the shingles.
  std::string shouted = text;
  for (char& c : shouted) c = (c == '.') ? '!' : static_cast<char>(std::toupper(c));
  EXPECT_DOUBLE_EQ(EstimateJaccard(hasher.Compute(text), hasher.Compute(shouted)), 1.0);
}

TEST(MinHasherTest, DisjointTextsEstimateNearZero) {
  MinHasher hasher;
  TextGen gen(2);
  const std::string a = Join(gen.Words(400));
  const std::string b = Join(gen.Words(400));
  ASSERT_LT(ExactJaccard(ShingleSet(a, 5), ShingleSet(b, 5)), 0.01);
  EXPECT_LT(EstimateJaccard(hasher.Compute(a), hasher.Compute(b)), 0.05);
}

TEST(MinHasherTest, ShortTextsAreOneShingle) {
  MinHasher hasher;
  EXPECT_DOUBLE_EQ(EstimateJaccard(hasher.Compute("Lee met Choi"), hasher.Compute("lee, met CHOI")),
                   1.0);
  EXPECT_LT(EstimateJaccard(hasher.Compute("Lee met Choi"), hasher.Compute("Lee met Kim")), 0.1);
  EXPECT_EQ(hasher.Compute("").size(), 128u);
}

TEST(EstimateJaccardTest, MismatchedOrEmptySignaturesAreZero) {
  EXPECT_EQ(EstimateJaccard({}, {}), 0);
  EXPECT_EQ(EstimateJaccard({1, 2}, {1, 2, 3}), 0);
  EXPECT_DOUBLE_EQ(EstimateJaccard({1, 2, 3, 4}, {1, 2, 0, 4}), 0.75);
}

// A syndicated copy: the same story with another lead and sign-off paragraph
// and a few words changed. The estimate must be within 0.1 of the exact value.
TEST(MinHasherTest, SyndicatedCopyEstimateIsCloseToExactJaccard) {
  MinHasher hasher;
  TextGen gen(3);
  for (int trial = 0; trial < 20; ++trial) {
    const std::vector<std::string> body = gen.Words(600);
    std::vector<std::string> original = gen.Words(40);
    original.insert(original.end(), body.begin(), body.end());
    for (const std::string& w : gen.Words(30)) original.push_back(w);

    std::vector<std::string> copy = gen.Words(25);  // another outlet's lead paragraph
    copy.insert(copy.end(), body.begin(), body.end());
    std::uniform_int_distribution<size_t> pos(0, copy.size() - 1);
    for (int edit = 0; edit < trial; ++edit) copy[pos(gen.rng())] = gen.Word();
    for (const std::string& w : gen.Words(10)) copy.push_back(w);

    const std::string a = Join(original);
    const std::string b = Join(copy);
    const double exact = ExactJaccard(ShingleSet(a, 5), ShingleSet(b, 5));
    const double estimate = EstimateJaccard(hasher.Compute(a), hasher.Compute(b));
    EXPECT_NEAR(estimate, exact, 0.1) << "trial " << trial;
  }
}

// Over many pairs the estimate is unbiased and its spread is the binomial
// one of 128 independent hashes: a check on the permutation family.
TEST(MinHasherTest, EstimateIsUnbiasedOverManyPairs) {
  MinHasher hasher;
  TextGen gen(5);
  double sum_error = 0;
  int beyond_3_sigma = 0;
  constexpr int kPairs = 200;
  for (int pair = 0; pair < kPairs; ++pair) {
    std::vector<std::string> a = gen.Words(200);
    std::vector<std::string> b = a;
    std::uniform_int_distribution<size_t> pos(0, b.size() - 1);
    for (int edit = 0; edit < pair % 25; ++edit) b[pos(gen.rng())] = gen.Word();
    const std::string ta = Join(a);
    const std::string tb = Join(b);
    const double exact = ExactJaccard(ShingleSet(ta, 5), ShingleSet(tb, 5));
    const double estimate = EstimateJaccard(hasher.Compute(ta), hasher.Compute(tb));
    sum_error += estimate - exact;
    const double sigma = std::sqrt(exact * (1 - exact) / 128) + 1e-9;
    beyond_3_sigma += std::abs(estimate - exact) > 3 * sigma + 1.0 / 128 ? 1 : 0;
  }
  EXPECT_LT(std::abs(sum_error / kPairs), 0.01);
  EXPECT_LE(beyond_3_sigma, 3);
}

// The fast path (shared band keys) against all-pairs brute force on a few
// hundred texts: every pair whose signatures agree on a whole band shares that
// band's key, pairs that agree on no band share no key, and the share of
// pairs at exact Jaccard >= 0.8 that the banding misses stays below 5%
// (the S-curve predicts 5.3% at exactly 0.8 and 0.6% at 0.85).
TEST(MinHasherTest, BandKeyCandidatesMatchBruteForce) {
  MinHasher hasher;
  const int rows = hasher.options().num_hashes / hasher.options().bands;
  TextGen gen(4);
  std::vector<std::string> texts;
  for (int family = 0; family < 40; ++family) {
    const std::vector<std::string> base = gen.Words(300);
    texts.push_back(Join(base));
    for (int variant = 1; variant <= 7; ++variant) {
      std::vector<std::string> words = base;
      std::uniform_int_distribution<size_t> pos(0, words.size() - 1);
      for (int edit = 0; edit < variant * variant / 2; ++edit) words[pos(gen.rng())] = gen.Word();
      texts.push_back(Join(words));
    }
  }
  std::vector<Signature> sigs;
  std::vector<std::vector<uint64_t>> keys;
  std::vector<std::vector<std::string>> shingles;
  for (const std::string& t : texts) {
    sigs.push_back(hasher.Compute(t));
    keys.push_back(hasher.BandKeys(sigs.back()));
    shingles.push_back(ShingleSet(t, 5));
  }

  int high_pairs = 0;
  int high_missed = 0;
  int low_candidates = 0;
  double predicted_missed = 0;
  for (size_t i = 0; i < texts.size(); ++i) {
    for (size_t j = i + 1; j < texts.size(); ++j) {
      bool band_agrees = false;
      bool key_shared = false;
      for (int b = 0; b < hasher.options().bands; ++b) {
        band_agrees |= std::equal(sigs[i].begin() + b * rows, sigs[i].begin() + (b + 1) * rows,
                                  sigs[j].begin() + b * rows);
        key_shared |= keys[i][b] == keys[j][b];
      }
      ASSERT_EQ(band_agrees, key_shared) << i << " " << j;
      // A key of one band never equals a key of another band.
      for (int b = 1; b < hasher.options().bands; ++b) ASSERT_NE(keys[i][b - 1], keys[j][b]);
      const double s = ExactJaccard(shingles[i], shingles[j]);
      if (s >= 0.8) {
        ++high_pairs;
        high_missed += key_shared ? 0 : 1;
        predicted_missed += std::pow(1 - std::pow(s, rows), hasher.options().bands);
      } else if (s < 0.3) {
        low_candidates += key_shared ? 1 : 0;
      }
    }
  }
  ASSERT_GT(high_pairs, 200);
  const double miss_rate = static_cast<double>(high_missed) / high_pairs;
  EXPECT_LT(miss_rate, 0.05) << high_missed << " of " << high_pairs;
  std::printf("pairs at s >= 0.8: %d, missed by banding: %d (predicted %.1f)\n", high_pairs,
              high_missed, predicted_missed);
  // The observed misses agree with the S-curve's prediction.
  EXPECT_NEAR(high_missed, predicted_missed, 3 * std::sqrt(predicted_missed) + 3);
  EXPECT_LE(low_candidates, 2);
}

// A text with one shingle fills one bin; densification copies it everywhere.
TEST(MinHasherTest, DensificationFillsEveryBin) {
  MinHasher hasher;
  const Signature sig = hasher.Compute("Lee met Choi");
  for (uint32_t v : sig) EXPECT_EQ(v, sig[0]);
  // Two shingles: every bin holds one of the two values.
  const Signature two = hasher.Compute("one two three four five six");
  for (uint32_t v : two) EXPECT_TRUE(v == two[0] || std::count(two.begin(), two.end(), v) > 1);
}

// Short texts (far fewer shingles than the 128 bins) rely on densification
// for most positions; the estimate must stay unbiased there too, with a
// spread near the binomial one of 128 independent hashes.
TEST(MinHasherTest, DensifiedEstimateOfShortTextsIsUnbiased) {
  MinHasher hasher;
  TextGen gen(6);
  double sum_error = 0;
  double sum_squared = 0;
  double sum_variance = 0;
  constexpr int kPairs = 300;
  for (int pair = 0; pair < kPairs; ++pair) {
    std::vector<std::string> a = gen.Words(20 + pair % 40);  // 16 to 55 shingles
    std::vector<std::string> b = a;
    std::uniform_int_distribution<size_t> pos(0, b.size() - 1);
    for (int edit = 0; edit < 1 + pair % 4; ++edit) b[pos(gen.rng())] = gen.Word();
    const std::string ta = Join(a);
    const std::string tb = Join(b);
    const double exact = ExactJaccard(ShingleSet(ta, 5), ShingleSet(tb, 5));
    const double estimate = EstimateJaccard(hasher.Compute(ta), hasher.Compute(tb));
    sum_error += estimate - exact;
    sum_squared += (estimate - exact) * (estimate - exact);
    sum_variance += exact * (1 - exact) / 128;
  }
  EXPECT_LT(std::abs(sum_error / kPairs), 0.02);
  // Densification repeats values, so the spread exceeds the binomial one;
  // optimal densification keeps it within a small factor.
  const double rms = std::sqrt(sum_squared / kPairs);
  const double binomial = std::sqrt(sum_variance / kPairs);
  std::printf("short texts: rms error %.3f, binomial %.3f\n", rms, binomial);
  EXPECT_LT(rms, 2.5 * binomial);
}

}  // namespace
}  // namespace tg::dedup
