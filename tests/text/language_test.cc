#include "text/language.h"

#include <gtest/gtest.h>

namespace tg::text {
namespace {

TEST(LanguageTest, Table) {
  struct Case {
    const char* text;
    const char* expected;
  } cases[] = {
      {"Samsung Electronics Chairman Lee Jae-yong met the chief executives of Meta and Amazon "
       "during his two-week visit to the United States, the company said on Sunday.",
       "en"},
      {"이재용 삼성전자 회장이 미국 출장 중 마크 저커버그 메타 CEO의 자택을 찾아 AI 협력 방안을 "
       "논의했다.",
       "ko"},
      // An English story with a Korean caption stays English.
      {"Chairman Lee returned to South Korea on the 12th after a 22-day business trip to the "
       "United States, during which he met the heads of more than 20 companies and discussed "
       "business ideas with them.\n이재용 회장이 젠슨 황 CEO와 기념 촬영을 하고 있다.",
       "en"},
      {"Der Vorstandschef traf sich am Dienstag in Berlin mit dem Minister, um über neue "
       "Investitionen in die Batteriefertigung zu sprechen. Die Gespräche seien konstruktiv "
       "gewesen, hieß es.",
       "other"},
      {"Le président du groupe a rencontré mardi à Paris le ministre de l'Économie pour "
       "discuter de nouveaux investissements dans les usines de batteries.",
       "other"},
      {"会長は火曜日に東京で社長と会談した。", "other"},
      {"12345 !!! ---", "other"},
      {"", "other"},
  };
  for (const Case& c : cases) EXPECT_EQ(DetectLanguage(c.text), c.expected) << c.text;
}

}  // namespace
}  // namespace tg::text
