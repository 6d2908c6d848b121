def test_city_page_shows_its_history_in_order(client_fr, tubingen, story):
    response = client_fr.get(tubingen.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("Signature du jumelage") < html.index("Prix de l&#x27;Europe")
    assert "Étudiants à Tübingen" in html
