// Tests src/text/korean_particles.h (kept beside the store tests, whose
// search tokenizer is its main user).
#include "text/korean_particles.h"

#include <gtest/gtest.h>

#include <string_view>

namespace tg::text {
namespace {

TEST(KoreanParticlesTest, StripsLongestParticleAfterHangul) {
  struct Case {
    std::string_view word;
    std::string_view stem;
  };
  const Case cases[] = {
      {"회장이", "회장"},
      {"회장은", "회장"},
      {"회장의", "회장"},
      {"회장과", "회장"},
      {"회장과의", "회장"},
      {"회장이라고", "회장"},
      {"회장이었다", "회장"},
      {"SK하이닉스는", "SK하이닉스"},
      {"삼성전자가", "삼성전자"},
      {"삼성전자를", "삼성전자"},
      {"실리콘밸리에서", "실리콘밸리"},
      {"실리콘밸리에서는", "실리콘밸리"},
      {"정부로부터", "정부"},
      {"정부으로부터", "정부"},
      {"서울로", "서울"},
      {"미국으로", "미국"},
      {"대통령에게", "대통령"},
      {"대통령께서", "대통령"},
      {"총리와", "총리"},
      {"기업들이", "기업"},
      {"기업들", "기업"},
      {"엔비디아처럼", "엔비디아"},
      {"워싱턴까지", "워싱턴"},
      {"오늘부터", "오늘"},
      {"이재용", "이재용"},  // ends in 용: no particle
      {"최태원", "최태원"},  // 원 is not a particle
      {"정의선", "정의선"},  // the 의 inside a name is not at the end
      {"이", "이"},          // a lone particle keeps its one syllable
      {"는", "는"},
      {"LG는", "LG는"},  // not after a Hangul syllable
      {"3M의", "3M의"},
      {"Samsung", "Samsung"},
      {"", ""},
      {"에서", "에서"},  // the whole word is the particle: no stem left
      {"회의", "회"},    // the documented ambiguity of short particles
  };
  for (const Case& c : cases) {
    EXPECT_EQ(StripKoreanParticle(c.word), c.stem) << "word: " << c.word;
    EXPECT_EQ(KoreanStemLength(c.word), c.stem.size()) << "word: " << c.word;
  }
}

TEST(KoreanParticlesTest, StemAlwaysKeepsAHangulSyllable) {
  // Every word made of one syllable plus a particle keeps that syllable.
  for (std::string_view particle : {"이", "에서", "으로부터", "이라고", "들이"}) {
    const std::string word = std::string("값") + std::string(particle);
    EXPECT_EQ(StripKoreanParticle(word), "값") << word;
  }
}

TEST(KoreanParticlesTest, RecognisesWholeParticles) {
  EXPECT_TRUE(IsKoreanParticle("는"));
  EXPECT_TRUE(IsKoreanParticle("에서"));
  EXPECT_TRUE(IsKoreanParticle("으로부터"));
  EXPECT_FALSE(IsKoreanParticle("회장"));
  EXPECT_FALSE(IsKoreanParticle(""));
  EXPECT_FALSE(IsKoreanParticle("는는"));
}

}  // namespace
}  // namespace tg::text
