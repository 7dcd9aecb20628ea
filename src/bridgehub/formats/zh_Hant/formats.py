# Taiwan groups digits by three with a comma (CLDR zh-Hant-TW: #,##0.###; NT$12,345), where Django's
# zh_Hant formats group by four with no separator. Everything else comes from Django's module.
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
