import Testing

@testable import HuiwenServer

struct RouteTests {
    @Test func siteNamesAreRecognised() {
        #expect(Route.parse("/") == .success(.index))
        #expect(Route.parse("/index.html?x=1") == .success(.index))
        #expect(Route.parse("/notice.html") == .success(.page("notice")))
        #expect(Route.parse("/notice-%E9%95%BF%E6%B2%99%E5%B8%82.html") == .success(.page("notice-长沙市")))
        #expect(Route.parse("/_huiwen/events?page=notice&v=abc") == .success(.events(page: "notice", token: "abc")))
        #expect(Route.parse("/notice.docx") == .success(.word("notice")))
        #expect(Route.parse("/notice-%E9%95%BF%E6%B2%99%E5%B8%82.docx") == .success(.word("notice-长沙市")))
    }

    @Test func climbingAndHiddenSeparatorsAreBadRequests() {
        for target in ["/../x.html", "/%2e%2e/x.html", "/..%2fx.html", "/a%5cb.html", "/a\\b.html", "/./x.html", "/%00.html", "/%zz.html", "x.html", "http://evil/x.html"] {
            guard case .failure(.badRequest) = Route.parse(target) else {
                Issue.record("\(target) was not refused as a bad request")
                continue
            }
        }
    }

    @Test func otherPathsAreNotFound() {
        for target in ["/x.md", "/a/b.html", "/.html", "/.hidden.html", "//x.html", "/_huiwen/other", "/.docx", "/a/b.docx", "/x.doc"] {
            #expect(Route.parse(target) == .failure(.notFound), "\(target)")
        }
    }

    @Test func pagePathsArePercentEncoded() {
        #expect(Route.path(ofPage: "notice-长沙市") == "/notice-%E9%95%BF%E6%B2%99%E5%B8%82.html")
        #expect(Route.path(ofPage: "a#b&c") == "/a%23b%26c.html")
    }

    @Test func hostsAreThisServersOwnOnly() {
        let policy = HostPolicy(host: "127.0.0.1", port: 8000)
        #expect(policy.allows("127.0.0.1:8000"))
        #expect(policy.allows("localhost:8000"))
        #expect(policy.allows("[::1]:8000"))
        #expect(!policy.allows("localhost:8001"))
        #expect(!policy.allows("attacker.example:8000"))
        #expect(!policy.allows(nil))
    }
}
